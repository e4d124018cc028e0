/**
 * What each drawn glyph extracts as, and in which order glyphs go into the content stream,
 * chosen so that copy-and-paste gives logical text in poppler (pdftotext, Evince, Okular)
 * and pdf.js (Firefox), which both work from glyph text, glyph order and glyph geometry alone
 * (both ignore /ActualText). Measured facts this follows (test/pdf/extraction.test.ts):
 *
 * - Both take the glyphs of a right-to-left run in visual order, join their texts and reverse
 *   the result character by character. So a glyph in an RTL run maps to its cluster's text
 *   reversed: the lam-alef ligature maps to «ال» and comes out «لا».
 * - pdf.js treats a glyph whose text contains a nonspacing mark as a zero-width diacritic and
 *   loses track of its width (a space appears after it). So trailing marks of a cluster
 *   (hamza above, tanwin, shadda) go on a zero-width carrier of their own, placed where both
 *   tools read it on the correct side of its base.
 * - pdf.js skips a glyph whose text ends in a format character, so ZWNJ and ZWJ travel with
 *   the neighbouring cluster's text instead of their own glyph.
 * - pdf.js reorders each text item on its own and keeps items in stream order. A line's
 *   chunks (one font each) therefore go out in reading order; inside a chunk glyphs stay in
 *   visual order so pdf.js can apply its own bidi to digits and neutrals.
 * - A word break appears wherever the next glyph starts later than the previous one ends.
 *   Kashida (inserted tatweel) is therefore drawn as an outline, not as text, and the glyph
 *   before it gets a wider advance covering it.
 * - poppler reads digits and Latin in RTL lines as left-to-right runs that swallow the
 *   neutrals (spaces, brackets) next to them on the left. A zero-width right-to-left mark
 *   where each such run starts stops it there; pdf.js skips the mark. pdf.js in turn reads
 *   the neutrals before a Latin word as part of it; an Arabic letter mark (ALM) mapped
 *   with the word's first letter stops that.
 * - poppler keeps punctuation that ends an RTL word (a full stop, a comma, a closing
 *   guillemet, drawn left of the word) on the word's far side. Such punctuation maps with an
 *   Arabic letter mark in front (not RLM: pdf.js counts RLM as left-to-right). Only there:
 *   next to digits the mark would turn them into Arabic numbers for the bidi algorithm.
 * - The inserted hyphen maps to U+002D: poppler joins the word halves itself (it drops a
 *   hyphen at a line end), and pdf.js's find does the same.
 */
import type { FontId } from '../../fonts.js';
import type { Colour, GlyphLine, Tag } from '../../layout/frame.js';

/** One thing to draw as text: a glyph with the text it extracts as. */
export interface Piece {
  glyphId: number;
  text: string;
  /** Position from the line's left edge. */
  x: number;
  y: number;
  /** Advance to declare in the font (1/1000 em) instead of the glyph's own; 0 for carriers. */
  width?: number;
}

export interface Segment {
  font: FontId;
  size: number;
  tag: Tag;
  colour?: Colour;
  /** Pieces in stream order. */
  pieces: Piece[];
}

/** A kashida drawn as an outline. */
export interface Stroke {
  font: FontId;
  size: number;
  glyphId: number;
  x: number;
  y: number;
  tag: Tag;
}

export interface LinePlan {
  segments: Segment[];
  strokes: Stroke[];
}

const FORMAT = /^\p{Cf}+$/u;
const RLM = '\u200F';
const ALM = '\u061C';
/** Text with no letter, digit or space: punctuation and symbols. */
const NEUTRAL = /^[^\p{L}\p{N}\p{M}\s]+$/u;
const STRONG = /\p{L}/u;
const TRAILING_MARKS = /^(.*?[^\p{Mn}])(\p{Mn}+)$/u;

/** Plan a line; `blank(font)` is a glyph id with no outline (the space) to carry text alone. */
export function planLine(line: GlyphLine, blank: (font: FontId) => number): LinePlan {
  const glyphs = line.glyphs;
  const texts = glyphs.map((g) => (g.hyphen ? '-' : g.kashida ? '' : g.text));
  // A hyphen the author wrote, ending a line: poppler would take it for an inserted one and
  // delete it ("anti-war" → "antiwar"), so it extracts as U+2010 HYPHEN instead.
  const last = glyphs.length - 1;
  if (line.direction === 'ltr' && last >= 0 && !glyphs[last].hyphen && texts[last] === '-') texts[last] = '\u2010';
  moveFormatCharacters(line, texts);

  const tagAt = tagLookup(line);
  const colourAt = (index: number) => {
    let colour: Colour | undefined;
    for (const t of line.tags) if (t.from <= index) colour = t.colour;
    return colour;
  };
  const strokes: Stroke[] = [];
  const segments: (Segment & { key: number })[] = [];
  let current: (Segment & { key: number }) | undefined;
  // Glyphs without text of their own (kashida, marks and second glyphs of a cluster) are
  // drawn as outlines: an unmapped code would extract as garbage in pdf.js.
  const drawn = texts.map((t) => t.length > 0);
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i];
    const tag = tagAt(i);
    if (!drawn[i]) {
      strokes.push({ font: g.font, size: g.size, glyphId: g.glyphId, x: g.x, y: g.y, tag });
      continue;
    }
    if (!current || current.font !== g.font || current.size !== g.size || current.tag !== tag) {
      current = { font: g.font, size: g.size, tag, colour: colourAt(i), pieces: [], key: Infinity };
      segments.push(current);
    }
    current.key = Math.min(current.key, g.cluster);
    // Cover the outlines that follow, so no gap opens before the next text glyph.
    let width: number | undefined;
    if (i + 1 < glyphs.length && !drawn[i + 1]) {
      let j = i + 1;
      while (j < glyphs.length && !drawn[j]) j++;
      const last = glyphs[j - 1];
      const end = j < glyphs.length ? glyphs[j].x : Math.max(g.x + g.advance, last.x + last.advance);
      width = Math.max(0, Math.round(((end - g.x) * 1000) / g.size));
    }
    const text = texts[i];
    const split = g.rtl ? TRAILING_MARKS.exec(text) : null;
    if (split) {
      // Marks first in stream order and at the base's left edge: both tools then put them after it.
      closeSpaceBefore(current.pieces, g.x, g.size);
      current.pieces.push({ glyphId: blank(g.font), text: reverse(split[2]), x: g.x, y: 0, width: 0 });
      current.pieces.push({ glyphId: g.glyphId, text: reverse(split[1]), x: g.x, y: g.y, width });
    } else {
      // Punctuation attached to the word on its right (skipping outlines and other punctuation).
      let k = i + 1;
      while (k < glyphs.length && (!drawn[k] || (glyphs[k].rtl && NEUTRAL.test(texts[k])))) k++;
      const endsWord = g.rtl && NEUTRAL.test(text) && glyphs[k]?.rtl === true && STRONG.test(texts[k] ?? '');
      // A left-to-right word right after right-to-left text starts with an Arabic letter mark,
      // which pdf.js (unlike RLM) counts as a strong right-to-left character.
      let p = i - 1;
      while (p >= 0 && !drawn[p]) p--;
      const startsLatin = line.direction === 'rtl' && !g.rtl && STRONG.test(text) && glyphs[p]?.rtl === true;
      const mapped = g.rtl ? (endsWord ? ALM : '') + reverse(text) : (startsLatin ? ALM : '') + text;
      current.pieces.push({ glyphId: g.glyphId, text: mapped, x: g.x, y: g.y, width });
    }
    const next = glyphs[i + 1];
    if (line.direction === 'rtl' && g.rtl && next && !next.rtl) {
      // A right-to-left mark where a left-to-right run starts (seen left to right): poppler
      // would otherwise read the neutrals before it (spaces, brackets) as part of that run.
      current.pieces.push({ glyphId: blank(g.font), text: RLM, x: next.x, y: 0, width: 0 });
    }
  }
  segments.sort((a, b) => a.key - b.key);
  return { segments: segments.map(({ key: _key, ...s }) => s), strokes };
}

/**
 * pdf.js emits a pending word space just before the mark carrier, and would add a second one
 * at the base glyph for a gap wider than 0.102 em; poppler breaks words only at gaps wider
 * than 0.1 em and ignores the space glyph itself. So the glyph before the space covers the
 * gap but for 0.101 em, and the space itself gets no width.
 */
function closeSpaceBefore(pieces: Piece[], x: number, size: number): void {
  const space = pieces[pieces.length - 1];
  const before = pieces[pieces.length - 2];
  if (!space || !before || !/^\s+$/u.test(space.text)) return;
  const gap = 0.101 * size;
  before.width = Math.max(0, Math.round(((x - gap - before.x) * 1000) / size));
  space.x = x;
  space.width = 0;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

/**
 * Glyphs whose text is only format characters (ZWNJ, ZWJ) hand it to the logically previous
 * cluster in right-to-left text, or the next one in left-to-right text, so no glyph's text
 * ends in a format character.
 */
function moveFormatCharacters(line: GlyphLine, texts: string[]): void {
  const order = line.glyphs.map((g, i) => ({ i, cluster: g.cluster })).sort((a, b) => a.cluster - b.cluster || a.i - b.i);
  for (let k = 0; k < order.length; k++) {
    const i = order[k].i;
    if (!texts[i] || !FORMAT.test(texts[i])) continue;
    const rtl = line.glyphs[i].rtl;
    const step = rtl ? -1 : 1;
    for (let m = k + step; m >= 0 && m < order.length; m += step) {
      const j = order[m].i;
      if (!texts[j] || FORMAT.test(texts[j]) || line.glyphs[j].rtl !== rtl) continue;
      texts[j] = rtl ? texts[j] + texts[i] : texts[i] + texts[j];
      texts[i] = '';
      break;
    }
  }
}

const UNTAGGED: Tag = { artifact: 'Layout' };

function tagLookup(line: GlyphLine): (index: number) => Tag {
  return (index) => {
    let tag = line.tags[0]?.tag ?? UNTAGGED;
    for (const t of line.tags) if (t.from <= index) tag = t.tag;
    return tag;
  };
}
