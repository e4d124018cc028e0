/**
 * The text engine as the share images use it: paragraph layout and glyph outlines from
 * src/typeset, plus glyph ink boxes, which the card needs so that nothing is clipped.
 */
import type { FontId } from '../../fonts.js';
import { fontMetrics, glyphPaths } from '../../typeset/index.js';
import { loadFont } from '../../typeset/harfbuzz.js';
import { layout, layoutWith } from '../../typeset/layout.js';
import { NoBalance, displayBreaks, type Wrap } from './balance.js';
import { prepare } from '../../typeset/paragraph.js';
import type { ParagraphInput, ParagraphLayout } from '../../typeset/types.js';

/**
 * A paragraph shaped once, to be broken into lines at any width: the card's auto-fit tries
 * several widths and ways of breaking, and only the line breaking depends on them.
 */
export async function shapeParagraph(input: Omit<ParagraphInput, 'width'>): Promise<(width: number, wrap?: Wrap) => ParagraphLayout> {
  const prepared = await prepare({ ...input, width: 0 });
  return (width, wrap) => {
    const p = { ...prepared, input: { ...prepared.input, width } };
    const greedy = layout(p);
    if (!wrap || greedy.lines.length < 2) return greedy;
    try {
      const wrapped = layoutWith(p, displayBreaks(wrap, greedy.lines.length));
      // Widths were measured before lines cut at unsafe edges were reshaped: keep greedy's lines if one grew too wide.
      return wrapped.lines.every((l) => l.width <= width + 0.01) ? wrapped : greedy;
    } catch (error) {
      if (error instanceof NoBalance) return greedy;
      throw error;
    }
  };
}

/** glyph outlines of one font as SVG path data in font units, y up, once it is loaded. */
export const outlinesOf = glyphPaths;

export interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const inks = new Map<string, InkBox | undefined>();

/**
 * The ink boxes of a font's glyphs, once the font is loaded: for a glyph id, its box in font
 * units, y up (bottom < top), or undefined for a blank glyph. Synchronous, so that a card's
 * auto-fit, which lays its blocks out many times, does not wait once per glyph.
 */
export async function inkOf(font: FontId): Promise<(glyphId: number) => InkBox | undefined> {
  const { font: hbFont } = await loadFont(font);
  return (glyphId) => {
    const key = `${font}/${glyphId}`;
    if (!inks.has(key)) {
      const e = hbFont.glyphExtents(glyphId);
      const blank = !e || e.width === 0 || e.height === 0;
      inks.set(key, blank ? undefined : { left: e.xBearing, top: e.yBearing, right: e.xBearing + e.width, bottom: e.yBearing + e.height });
    }
    return inks.get(key);
  };
}

export async function unitsPerEm(font: FontId): Promise<number> {
  return (await fontMetrics(font)).upem;
}
