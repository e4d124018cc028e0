/**
 * Numbers in running text, compared across languages and digit systems.
 *
 * `3,000`, `3.000`, `3 000`, `۳٬۰۰۰` and `٣٬٠٠٠` are all the number 3000: digits are mapped to
 * ASCII and separators dropped. Dropping decimal separators too keeps `3.5` (English) equal to
 * `3,5` (German) without knowing which separator a locale uses for what. A plain space only
 * groups thousands (`3 000`), so `22 2` stays two numbers.
 */

export type DigitSystem = 'latn' | 'arab' | 'arabext';

const DIGIT = '0-9\u0660-\u0669\u06F0-\u06F9';
/** Separators that may stand between digit groups. */
const SEPARATORS = '.,\u066B\u066C\'\u2019\u00A0\u202F\u2009 ';
const TOKEN = new RegExp(`[${DIGIT}]+(?:[${SEPARATORS}][${DIGIT}]+)*`, 'g');
const SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009']);

export interface NumberToken {
  /** As written. */
  text: string;
  /** Offset in the searched string. */
  index: number;
  /** ASCII digits without separators or leading zeros: the value to compare. */
  value: string;
  systems: Set<DigitSystem>;
}

export function digitSystem(ch: string): DigitSystem | undefined {
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 'latn';
  if (c >= 0x660 && c <= 0x669) return 'arab';
  if (c >= 0x6f0 && c <= 0x6f9) return 'arabext';
  return undefined;
}

function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x660 && c <= 0x669) return String(c - 0x660);
  if (c >= 0x6f0 && c <= 0x6f9) return String(c - 0x6f0);
  return ch;
}

export function findNumbers(text: string): NumberToken[] {
  const result: NumberToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    for (const part of splitAtSpaces(match[0])) result.push(token(part.text, match.index! + part.index));
  }
  return result;
}

/** Split `2024 100` into two numbers, but keep `3 000` and `12 345 678` whole. */
function splitAtSpaces(text: string): Array<{ text: string; index: number }> {
  const groups = [...text.matchAll(new RegExp(`[${DIGIT}]+`, 'g'))];
  const parts: Array<{ text: string; index: number }> = [];
  let start = 0;
  for (let g = 1; g < groups.length; g++) {
    const sepIndex = groups[g - 1].index! + groups[g - 1][0].length;
    if (!SPACES.has(text[sepIndex])) continue;
    const first = text.slice(start, sepIndex).match(new RegExp(`^[${DIGIT}]+`))![0];
    const groupedSoFar = first.length <= 3 && groups.filter((x) => x.index! > start && x.index! < sepIndex).every((x) => x[0].length === 3);
    if (!groupedSoFar || groups[g][0].length !== 3) {
      parts.push({ text: text.slice(start, sepIndex), index: start });
      start = groups[g].index!;
    }
  }
  parts.push({ text: text.slice(start), index: start });
  return parts;
}

function token(text: string, index: number): NumberToken {
  const systems = new Set<DigitSystem>();
  let value = '';
  for (const ch of text) {
    const system = digitSystem(ch);
    if (!system) continue;
    systems.add(system);
    value += asciiDigit(ch);
  }
  value = value.replace(/^0+(?=\d)/, '');
  return { text, index, value, systems };
}

export const DIGIT_NAMES: Record<DigitSystem, string> = {
  latn: 'Western (0–9)',
  arab: 'Arabic-Indic (٠–٩)',
  arabext: 'Persian (۰–۹)',
};
