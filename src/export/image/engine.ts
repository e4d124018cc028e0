/**
 * The text engine as the share images use it: paragraph layout and glyph outlines from
 * src/typeset, plus glyph ink boxes, which the card needs so that nothing is clipped.
 */
import type { FontId } from '../../fonts.js';
import { fontMetrics, glyphPath, glyphPaths, layoutParagraph } from '../../typeset/index.js';
import { loadFont } from '../../typeset/harfbuzz.js';

export { layoutParagraph };

/** SVG path data of a glyph in font units, y up. */
export function glyphOutline(font: FontId, glyphId: number): Promise<string> {
  return glyphPath(font, glyphId);
}

/** glyphOutline for one font, once it is loaded: without a wait per glyph. */
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
