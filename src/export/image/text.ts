/**
 * A paragraph as the card places it: the engine's layout, how far its ink reaches (marks above
 * the first line, tails below the last one, side bearings), and the box that holds all of it,
 * so the card never clips a glyph. Every glyph's ink box is kept for the geometry tests.
 */
import type { FontId, FontStyle } from '../../fonts.js';
import type { ParagraphLayout } from '../../typeset/types.js';
import { inkOf, unitsPerEm } from './engine.js';

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
  width: number;
  height: number;
  /** Where the paragraph's top lies in the block: above 0 when ink rises above the first line. */
  top: number;
  /** Ink box of every drawn glyph, in the block's own pixels (y down). */
  ink: Box[];
  /** Union of the ink boxes. */
  inkBounds: Box;
  fonts: Set<FontId>;
  layout: ParagraphLayout;
  /** Horizontal inset the paragraph was laid out with inside the block. */
  inset: number;
}

/**
 * A paragraph layout as a block `width` pixels wide. `inset` is where the paragraph's line
 * box starts inside the block: the block is `2 × inset` wider than the lines, leaving room for
 * side bearings that reach out of the line box.
 */
export async function textBlock(
  role: string,
  text: string,
  style: FontStyle,
  layout: ParagraphLayout,
  options: { width: number; inset: number; colour: string },
): Promise<TextBlock> {
  const ink: Box[] = [];
  const fonts = new Set<FontId>();
  const metrics = new Map<FontId, { upem: number; ink: Awaited<ReturnType<typeof inkOf>> }>();
  for (const line of layout.lines) {
    for (const g of line.glyphs) {
      let m = metrics.get(g.font);
      if (!m) metrics.set(g.font, (m = { upem: await unitsPerEm(g.font), ink: await inkOf(g.font) }));
      const box = m.ink(g.glyphId);
      if (!box) continue; // spaces and other blank glyphs draw nothing
      fonts.add(g.font);
      const scale = g.size / m.upem;
      const x = options.inset + g.x;
      const baseline = Math.round(line.baseline) - g.y;
      ink.push({ left: x + box.left * scale, right: x + box.right * scale, top: baseline - box.top * scale, bottom: baseline - box.bottom * scale });
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
  return {
    role,
    text,
    style,
    colour: options.colour,
    width: options.width,
    height,
    top: -top,
    ink,
    inkBounds: union(ink),
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
