/**
 * The source fingerprint: which version of the English statement a translation translates.
 *
 * `npm run stamp` writes one front matter line into the translation:
 *
 *   source: 5f3a9c0e21b7 1c2d 3e4f 5a6b …
 *
 * The first word is the version of the whole English text; each following 4-digit code is one
 * English block (title, summary, quote, then every paragraph, heading, list item … in order).
 * When the English text changes, comparing the codes says which blocks changed, without git
 * history (CI clones are shallow). Whitespace and the date do not count as changes.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../content/index.js';
import { analyse, collapse, type Block } from './analysis.js';

export const FINGERPRINT_FIELD = 'source';

export interface SourceBlock {
  /** A front matter key, or undefined for a body block. */
  field?: string;
  /** Index into the source analysis blocks, for body blocks. */
  block?: number;
  line: number;
  text: string;
  code: string;
  hash: string;
}

export interface Fingerprint {
  version: string;
  codes: string[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The English blocks that a translation must follow, with their hashes. */
const blockCache = new WeakMap<Document, SourceBlock[]>();

export function sourceBlocks(source: Document): SourceBlock[] {
  let cached = blockCache.get(source);
  if (!cached) {
    cached = computeBlocks(source);
    blockCache.set(source, cached);
  }
  return cached;
}

function computeBlocks(source: Document): SourceBlock[] {
  const analysis = analyse(source);
  const result: SourceBlock[] = [];
  for (const field of analysis.fields) {
    const hash = sha256(`field:${field.key}\u0000${collapse(field.value)}`);
    result.push({ field: field.key, line: field.place.line, text: collapse(field.value), code: hash.slice(0, 4), hash });
  }
  analysis.blocks.forEach((block: Block, index) => {
    if (!block.leaf) return;
    const hash = sha256(`${block.signature}\u0000${block.text}`);
    result.push({ block: index, line: block.line, text: block.text, code: hash.slice(0, 4), hash });
  });
  return result;
}

export function fingerprint(source: Document): Fingerprint {
  const blocks = sourceBlocks(source);
  return { version: sha256(blocks.map((b) => b.hash).join('\n')).slice(0, 12), codes: blocks.map((b) => b.code) };
}

export function formatFingerprint(f: Fingerprint): string {
  return [f.version, ...f.codes].join(' ');
}

/** Parse a `source:` value; undefined when it is not one `npm run stamp` wrote. */
export function parseFingerprint(value: unknown): Fingerprint | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.trim().split(/\s+/);
  if (!/^[0-9a-f]{12}$/.test(parts[0] ?? '') || !parts.slice(1).every((p) => /^[0-9a-f]{4}$/.test(p))) return undefined;
  return { version: parts[0], codes: parts.slice(1) };
}

/**
 * The current source blocks that are new or changed since `old`, and how many old blocks
 * are gone, by a longest-common-subsequence match of the block codes.
 */
export function changedBlocks(old: Fingerprint, current: SourceBlock[]): { changed: SourceBlock[]; removed: number } {
  const a = old.codes;
  const b = current.map((c) => c.code);
  if (a.length * b.length > 4_000_000) {
    // Too large to diff cheaply (never a real statement): call every block changed.
    return { changed: current, removed: Math.max(0, a.length - b.length) };
  }
  const table: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const changed: SourceBlock[] = [];
  let removed = 0;
  // Between two unchanged blocks, old blocks beyond the number of new ones were removed;
  // the others were reworded (a reworded block shows as one old out, one new in).
  let gone = 0;
  let added = 0;
  const settle = () => { removed += Math.max(0, gone - added); gone = 0; added = 0; };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { settle(); i++; j++; }
    else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) { changed.push(current[j++]); added++; }
    else { gone++; i++; }
  }
  settle();
  return { changed, removed };
}

/**
 * The translation's text with its `source:` line set to the current fingerprint: replaced
 * where it exists, otherwise added as the last front matter field. Everything else is kept
 * byte for byte, including CRLF line endings. Undefined when there is no front matter.
 */
export function stampText(raw: string, value: string): string | undefined {
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = raw.slice(bom.length).split(eol);
  if (lines[0].trim() !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close === -1) return undefined;
  const line = `${FINGERPRINT_FIELD}: ${value}`;
  const existing = lines.findIndex((l, i) => i > 0 && i < close && l.startsWith(`${FINGERPRINT_FIELD}:`));
  if (existing !== -1) lines[existing] = line;
  else lines.splice(close, 0, line);
  return bom + lines.join(eol);
}
