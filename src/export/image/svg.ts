/**
 * A card's frame → SVG: each glyph outline once in `<defs>`, drawn with `<use>` at the
 * engine's positions, and the frame's boxes as rectangles. Outlines are in font units with
 * y up, so each use flips y.
 */
import type { FontId } from '../../fonts.js';
import type { Colour, Frame } from '../../layout/frame.js';
import { outlinesOf, unitsPerEm } from './engine.js';

/** Per font: units per em and the outline of a glyph as SVG path data. */
export type GlyphOutlines = Map<FontId, { upem: number; outline: (glyphId: number) => string }>;

export async function glyphOutlines(fonts: FontId[]): Promise<GlyphOutlines> {
  const out: GlyphOutlines = new Map();
  for (const font of new Set(fonts)) out.set(font, { upem: await unitsPerEm(font), outline: await outlinesOf(font) });
  return out;
}

/** Short, stable number text: `digits` decimals (two by default), no `-0`. */
export function num(n: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

function hex(c: Colour): string {
  return `#${[c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
}

export function frameSvg(frame: Frame, outlines: GlyphOutlines): string {
  const ids = new Map<string, string>();
  const defs: string[] = [];
  const body: string[] = [];
  for (const item of frame.items) {
    if (item.kind === 'box') {
      body.push(`<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${hex(item.colour)}"/>`);
    } else if (item.kind === 'glyphs') {
      const uses: string[] = [];
      for (const g of item.glyphs) {
        const font = outlines.get(g.font);
        if (!font) throw new Error(`frameSvg: no outlines were loaded for the font ${g.font}`);
        const key = `${g.font}/${g.glyphId}`;
        let id = ids.get(key);
        if (id === undefined) {
          const d = font.outline(g.glyphId);
          id = d ? `g${ids.size}` : '';
          ids.set(key, id);
          if (d) defs.push(`<path id="${id}" d="${d}"/>`);
        }
        if (!id) continue; // spaces and other blank glyphs draw nothing
        const s = num(g.size / font.upem, 6);
        uses.push(`<use href="#${id}" transform="matrix(${s} 0 0 -${s} ${num(item.x + g.x)} ${num(item.baseline - g.y)})"/>`);
      }
      if (uses.length) body.push(`<g fill="${hex(item.colour)}">${uses.join('')}</g>`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">` +
    `<defs>${defs.join('')}</defs>${body.join('')}</svg>`
  );
}
