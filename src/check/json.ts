/**
 * Where each key of a JSON object file is written, so UI string messages can point at the
 * line. A small scanner over already-valid JSON (JSON.parse succeeded before this runs).
 */
import type { Point } from '../content/index.js';

/** Flattened dotted key → place of the key; objects too (`nav` → its key). */
export function keyPlaces(text: string): Map<string, Point> {
  const places = new Map<string, Point>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const point = (offset: number): Point => ({ line, column: offset - lineStart + 1 });
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) {
      if (text[i] === '\n') { line++; lineStart = i + 1; }
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skip();
    if (text[i] === '{') {
      i++;
      for (;;) {
        skip();
        if (text[i] === '}') { i++; return; }
        if (text[i] === ',') { i++; continue; }
        const at = point(i);
        const key = readString();
        const full = path ? `${path}.${key}` : key;
        places.set(full, at);
        skip();
        i++; // colon
        value(full);
      }
    } else if (text[i] === '[') {
      i++;
      let depth = 1;
      while (i < text.length && depth > 0) {
        if (text[i] === '"') { readString(); continue; }
        if (text[i] === '\n') { line++; lineStart = i + 1; }
        if (text[i] === '[') depth++;
        if (text[i] === ']') depth--;
        i++;
      }
    } else if (text[i] === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
    }
  };
  try {
    value('');
  } catch {
    // Positions are a convenience; a scanner surprise must never break the check.
  }
  return places;
}

/** Every string leaf of a nested resources object, by dotted key. */
export function flatten(resources: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(resources)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, full)) result.set(k, v);
    } else {
      result.set(full, value);
    }
  }
  return result;
}

export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** `index.statementCount_one` → `index.statementCount`, or undefined when not a plural form. */
export function pluralBase(key: string): string | undefined {
  return PLURAL_SUFFIX.test(key) ? key.replace(PLURAL_SUFFIX, '') : undefined;
}

/** Where to point at for a key: the key itself, else its nearest written parent, else line 1. */
export function placeOf(places: Map<string, Point>, key: string): Point {
  let k = key;
  for (;;) {
    const p = places.get(k);
    if (p) return p;
    const dot = k.lastIndexOf('.');
    if (dot === -1) return { line: 1, column: 1 };
    k = k.slice(0, dot);
  }
}
