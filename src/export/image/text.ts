/**
 * Positioned glyphs → a standalone SVG: each outline once in `<defs>`, drawn with `<use>` at
 * the engine's positions. Outlines are in font units with y up, so each use flips y.
 *
 * The SVG is exactly as wide as the box it was laid out for and as tall as its ink needs:
 * marks above the first line or tails below the last one widen the box vertically, so the
 * card never clips a glyph. Every glyph's ink box is kept for the geometry tests.
 */
import type { FontId, FontStyle } from '../../fonts.js';
import type { ParagraphLayout } from '../../typeset/types.js';
import { inkOf, outlinesOf, unitsPerEm, type InkBox } from './engine.js';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextBlock {
  /** What the block is on the card, for messages and tests. */
  role: string;
  /** The paragraph's logical text, as set (glyph clusters index into it). */
  text: string;
  style: FontStyle;
  colour: string;
  svg: string;
  width: number;
  height: number;
  /** Ink box of every drawn glyph, in the block's own pixels (y down). */
  ink: Box[];
  /** Every drawn glyph: its outline, in font units with y up, is scaled by `scale` and put at (x, y) of the block. */
  glyphs: Array<{ font: FontId; glyphId: number; x: number; y: number; scale: number }>;
  /** Union of the ink boxes. */
  inkBounds: Box;
  fonts: Set<FontId>;
  layout: ParagraphLayout;
  /** Horizontal inset the paragraph was laid out with inside the block. */
  inset: number;
}

/** Short, stable number text: `digits` decimals (two by default), no `-0`. */
export function num(n: number, digits = 2): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

interface Placed {
  key: string;
  font: FontId;
  glyphId: number;
  x: number;
  baseline: number;
  scale: number;
}

/**
 * Turn a paragraph layout into a text block `width` pixels wide. `inset` is where the
 * paragraph's line box starts inside the block: the block is `2 × inset` wider than the
 * lines, leaving room for side bearings that reach out of the line box.
 */
export async function textBlock(
  role: string,
  text: string,
  style: FontStyle,
  layout: ParagraphLayout,
  options: { width: number; inset: number; colour: string },
): Promise<TextBlock> {
  const placed: Placed[] = [];
  const ink: Box[] = [];
  const fonts = new Set<FontId>();
  // Units per em, ink boxes and outlines by font, waited for once per font, not once per glyph.
  const metrics = new Map<FontId, { upem: number; ink: (glyphId: number) => InkBox | undefined; outline: (glyphId: number) => string }>();
  for (const line of layout.lines) {
    for (const g of line.glyphs) {
      let m = metrics.get(g.font);
      if (!m) metrics.set(g.font, (m = { upem: await unitsPerEm(g.font), ink: await inkOf(g.font), outline: await outlinesOf(g.font) }));
      const scale = g.size / m.upem;
      const x = options.inset + g.x;
      // Baselines on whole pixels, as browsers place them: the long horizontal strokes of
      // Arabic script and the serifs of Latin stay crisp instead of smeared over two rows.
      const baseline = Math.round(line.baseline) - g.y;
      const box = m.ink(g.glyphId);
      if (!box) continue; // spaces and other blank glyphs draw nothing
      fonts.add(g.font);
      placed.push({ key: `${g.font}/${g.glyphId}`, font: g.font, glyphId: g.glyphId, x, baseline, scale });
      ink.push({
        left: x + box.left * scale,
        right: x + box.right * scale,
        top: baseline - box.top * scale,
        bottom: baseline - box.bottom * scale,
      });
    }
  }
  const bounds = union(ink);
  // The block starts at the paragraph's top, or higher when ink rises above it.
  const top = Math.floor(Math.min(0, bounds.top));
  const height = Math.ceil(Math.max(layout.height, bounds.bottom) - top);
  for (const box of ink) {
    box.top -= top;
    box.bottom -= top;
  }
  // Written when asked for: the card is drawn from `glyphs`, and the auto-fit makes many
  // blocks that are never shown; only the tests and anyone debugging a card read the SVG.
  let svg: string | undefined;
  const writeSvg = () => {
    const ids = new Map<string, string>();
    const defs: string[] = [];
    const uses: string[] = [];
    for (const p of placed) {
      let id = ids.get(p.key);
      if (!id) {
        id = `g${ids.size}`;
        ids.set(p.key, id);
        defs.push(`<path id="${id}" d="${metrics.get(p.font)!.outline(p.glyphId)}"/>`);
      }
      const s = num(p.scale, 6);
      uses.push(`<use href="#${id}" transform="matrix(${s} 0 0 -${s} ${num(p.x)} ${num(p.baseline - top)})"/>`);
    }
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${height}" viewBox="0 0 ${options.width} ${height}">` +
      `<defs>${defs.join('')}</defs><g fill="${options.colour}">${uses.join('')}</g></svg>`
    );
  };
  return {
    role,
    text,
    style,
    colour: options.colour,
    glyphs: placed.map((p) => ({ font: p.font, glyphId: p.glyphId, x: p.x, y: p.baseline - top, scale: p.scale })),
    get svg() {
      return (svg ??= writeSvg());
    },
    width: options.width,
    height,
    ink,
    inkBounds: union(ink.length ? ink : [{ left: 0, top: 0, right: 0, bottom: 0 }]),
    fonts,
    layout,
    inset: options.inset,
  };
}

function union(boxes: Box[]): Box {
  const out = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const b of boxes) {
    out.left = Math.min(out.left, b.left);
    out.top = Math.min(out.top, b.top);
    out.right = Math.max(out.right, b.right);
    out.bottom = Math.max(out.bottom, b.bottom);
  }
  return boxes.length ? out : { left: 0, top: 0, right: 0, bottom: 0 };
}
