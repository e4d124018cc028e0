/** Small text helpers shared by the typography rules: scripts, words, code points. */
import type { Script } from '../languages.js';

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;

export function scriptOf(ch: string): Script | undefined {
  if (!LETTER.test(ch)) return undefined;
  if (LATIN.test(ch)) return 'Latn';
  if (CYRILLIC.test(ch)) return 'Cyrl';
  if (ARABIC.test(ch)) return 'Arab';
  return undefined;
}

export const SCRIPT_NAMES: Record<Script, string> = { Latn: 'Latin', Cyrl: 'Cyrillic', Arab: 'Arabic' };

/** Words: letters and marks, with inner joiners, apostrophes and hyphens. */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\u200C\u200D'’\-]*/gu;

export function words(text: string): Array<{ word: string; index: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], index: m.index! }));
}

/** `U+064A ARABIC LETTER YEH`-style name for messages: the character and its code point. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every match of `pattern` (global) in `text`, with its index. */
export function matches(text: string, pattern: RegExp): Array<{ match: string; index: number; groups: string[] }> {
  return [...text.matchAll(pattern)].map((m) => ({ match: m[0], index: m.index!, groups: m.slice(1) }));
}
