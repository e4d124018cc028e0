/**
 * The bidi layer: embedding levels from bidi-js (UAX #9 rules P2–I2 and L1 parts 1–3), the
 * end-of-line part of L1, and the L2 reordering, which we do ourselves on any sequence of
 * items that carry a level (characters for the conformance test, glyph clusters for layout).
 *
 * Why our own L2: bidi-js's `getReorderSegments` works on whole strings and skips one-character
 * lines; the layout reorders shaped clusters, not characters, so the rule is applied to levels.
 */
import bidiModule from 'bidi-js';

// bidi-js is CommonJS whose module.exports is the factory; its types describe an ES default
// export, so TypeScript sees the factory one level down.
const bidiFactory = ((bidiModule as unknown as { default?: unknown }).default ?? bidiModule) as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

export type BidiDirection = 'ltr' | 'rtl' | 'auto';

export interface Levels {
  levels: Uint8Array;
  paragraphs: Array<{ start: number; end: number; level: number }>;
}

/**
 * Characters that can make anything in a left-to-right paragraph other than level 0: strong
 * right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their
 * presentation forms, and the RTL blocks of the supplementary planes), Arabic numbers and
 * explicit formatting characters.
 */
const MAY_BE_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202a-\u202e\u2066-\u2069\ud802\ud803\ud83a\ud83b]/;

/** Resolved embedding levels for each UTF-16 code unit of `text`. */
export function embeddingLevels(text: string, direction: BidiDirection): Levels {
  // Fast path, exact by the rules: in a left-to-right paragraph without any of the characters
  // above every character resolves to level 0 (W7 turns European numbers after sos L into L).
  if (direction === 'ltr' && !MAY_BE_RTL.test(text)) {
    const paragraphs: Levels['paragraphs'] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Paragraph separators (B): LF, CR (CRLF counts once), FS/GS/RS, NEL, U+2029.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2029) {
        paragraphs.push({ start, end: i, level: 0 });
        start = i + 1;
      }
    }
    if (start < text.length) paragraphs.push({ start, end: text.length - 1, level: 0 });
    return { levels: new Uint8Array(text.length), paragraphs };
  }
  return bidi.getEmbeddingLevels(text, direction) as Levels;
}

export function bidiClass(ch: string): string {
  return bidi.getBidiCharTypeName(ch);
}

const TRAILING = new Set(['WS', 'FSI', 'LRI', 'RLI', 'PDI', 'BN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF']);

/**
 * L1 part 4: whitespace and isolate formatting characters at the end of a line go to the
 * paragraph level. (Explicit embedding controls and BN were removed by X9 and take the level
 * of what precedes them, so they count as trailing too.) Modifies `levels` in place for
 * indices [start, end).
 */
export function resetTrailing(text: string, levels: Uint8Array, start: number, end: number, paragraphLevel: number): void {
  for (let i = end - 1; i >= start; i--) {
    if (!TRAILING.has(bidiClass(text[i]!))) break;
    levels[i] = paragraphLevel;
  }
}

/**
 * L2: the visual order (left to right) of items with the given levels, as indices into
 * `levels`. From the highest level down to the lowest odd level, reverse every maximal run
 * of items at that level or higher.
 */
export function visualOrder(levels: ArrayLike<number>): number[] {
  const n = levels.length;
  const order = Array.from({ length: n }, (_, i) => i);
  if (n === 0) return order;
  let max = 0;
  let minOdd = 255;
  for (let i = 0; i < n; i++) {
    const l = levels[i]!;
    if (l > max) max = l;
    if (l & 1 && l < minOdd) minOdd = l;
  }
  for (let lvl = max; lvl >= minOdd; lvl--) {
    let i = 0;
    while (i < n) {
      if (levels[order[i]!]! >= lvl) {
        let j = i;
        while (j + 1 < n && levels[order[j + 1]!]! >= lvl) j++;
        reverse(order, i, j);
        i = j + 1;
      } else i++;
    }
  }
  return order;
}

function reverse(a: number[], i: number, j: number): void {
  while (i < j) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
    i++;
    j--;
  }
}
