/**
 * The text engine: a paragraph of styled runs in, lines of positioned glyphs out.
 *
 * Pipeline (each step in its own module):
 *   1. bidi.ts       embedding levels (bidi-js), paragraph direction from the language
 *   2. paragraph.ts  itemize by level × script × font, with fallback along the font chain;
 *                    shape each item once with the whole paragraph as context (shape.ts)
 *   3. linebreak.ts  UAX #14 opportunities (linebreak) and hyphenation points (hyphen)
 *   4. layout.ts     greedy breaking, or knuth-plass.ts for justified text, measured with
 *                    shaped advances; lines cut where HarfBuzz says unsafe are reshaped
 *   5. justify.ts    spaces for Latin and Cyrillic; kashida.ts then spaces for Arabic script
 *   6. bidi.ts       L2 reordering of each line's clusters, then positions left to right
 */
import { FONTS, type FontId } from '../fonts.js';
import { loadFont } from './harfbuzz.js';
import { layout } from './layout.js';
import { prepare } from './paragraph.js';
import type { ParagraphInput, ParagraphLayout } from './types.js';

export * from './types.js';
export type { FontId, FontStyle } from '../fonts.js';

export async function layoutParagraph(input: ParagraphInput): Promise<ParagraphLayout> {
  return layout(await prepare(input));
}

const paths = new Map<string, string>();

/** SVG path data of a glyph in font units, y pointing up (flip it for SVG). Cached. */
export async function glyphPath(font: FontId, glyphId: number): Promise<string> {
  return paths.get(`${font}\u0000${glyphId}`) ?? (await glyphPaths(font))(glyphId);
}

/** glyphPath for one font, once it is loaded: without a wait per glyph. */
export async function glyphPaths(font: FontId): Promise<(glyphId: number) => string> {
  const f = await loadFont(font);
  return (glyphId) => {
    const key = `${font}\u0000${glyphId}`;
    let d = paths.get(key);
    if (d === undefined) {
      d = f.font.glyphToPath(glyphId);
      paths.set(key, d);
    }
    return d;
  };
}

export interface FontMetrics {
  upem: number;
  ascender: number;
  descender: number;
  lineGap: number;
}

/** Vertical metrics in font units, as HarfBuzz reads them (descender is negative). */
export async function fontMetrics(font: FontId): Promise<FontMetrics> {
  if (!(font in FONTS)) throw new Error(`unknown font ${font}`);
  const f = await loadFont(font);
  const ext = f.font.hExtents();
  return { upem: f.upem, ascender: ext.ascender, descender: ext.descender, lineGap: ext.lineGap };
}
