/**
 * The text engine as the share images use it: paragraph layout and glyph outlines from
 * src/typeset, plus glyph ink boxes, which the card needs so that nothing is clipped.
 */
import type { FontId } from '../../fonts.js';
import { fontMetrics, glyphPath, layoutParagraph } from '../../typeset/index.js';
import { loadFont } from '../../typeset/harfbuzz.js';

export { layoutParagraph };

/** SVG path data of a glyph in font units, y up. */
export function glyphOutline(font: FontId, glyphId: number): Promise<string> {
  return glyphPath(font, glyphId);
}

export interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const inks = new Map<string, InkBox | undefined>();

/** The ink box of a glyph in font units, y up (bottom < top); undefined for blank glyphs. */
export async function glyphInk(font: FontId, glyphId: number): Promise<InkBox | undefined> {
  const key = `${font}/${glyphId}`;
  if (!inks.has(key)) {
    const e = (await loadFont(font)).font.glyphExtents(glyphId);
    const blank = !e || e.width === 0 || e.height === 0;
    inks.set(key, blank ? undefined : { left: e.xBearing, top: e.yBearing, right: e.xBearing + e.width, bottom: e.yBearing + e.height });
  }
  return inks.get(key);
}

export async function unitsPerEm(font: FontId): Promise<number> {
  return (await fontMetrics(font)).upem;
}
