/**
 * Nothing is clipped and nothing strays: from the boxes the card laid out and the ink box of
 * every glyph, for every language and every size.
 */
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/export/image/text.js';
import type { Rect } from '../../src/export/image/index.js';
import { LAYOUT_FORMATS, PUBLICATIONS, compose } from './support.js';

const inside = (b: Box, r: Rect) => b.left >= r.x && b.top >= r.y && b.right <= r.x + r.width && b.bottom <= r.y + r.height;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each(PUBLICATIONS.map((p) => [p.lang.tag, p] as const))('share image geometry in %s', (_tag, pub) => {
  it.each(LAYOUT_FORMATS.map((f) => [f.file, f] as const))('%s', async (_file, format) => {
    const card = await compose(pub, format);
    expect(card.svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${format.width}" height="${format.height}"`)).toBe(true);
    expect(card.blocks.map((b) => b.block.role).sort()).toEqual(['date', 'language', 'organisation', 'quote', 'title', 'url']);
    const canvas = { x: 0, y: 0, width: format.width, height: format.height };
    const boxes: Box[] = [];
    for (const placed of card.blocks) {
      const { block } = placed;
      const where = `${block.role} in ${format.file}`;
      // The block is placed at its own size: no scaling, so the glyphs are where the engine put them.
      expect([placed.width, placed.height], where).toEqual([block.width, block.height]);
      const box = { left: placed.x, top: placed.y, right: placed.x + placed.width, bottom: placed.y + placed.height };
      expect(inside(box, canvas), `${where} lies on the canvas`).toBe(true);
      expect(inside(box, format.safe), `${where} lies in the safe zone`).toBe(true);
      expect(block.ink.length, `${where} draws glyphs`).toBeGreaterThan(0);
      for (const ink of block.ink) {
        // Each glyph inside its block…
        expect(inside(ink, { x: 0, y: 0, width: block.width, height: block.height }), `${where}: glyph outside its block`).toBe(true);
        // …and, on the canvas, inside the safe zone: for stories, not in the top 250 or bottom 340 px.
        const onCanvas = { left: ink.left + placed.x, right: ink.right + placed.x, top: ink.top + placed.y, bottom: ink.bottom + placed.y };
        expect(inside(onCanvas, format.safe), `${where}: glyph outside the safe zone`).toBe(true);
      }
      for (const other of boxes) expect(overlap(box, other), `${where} overlaps another block`).toBe(false);
      boxes.push(box);
    }
    if (format.height === 1920) {
      expect(format.safe).toEqual({ x: 0, y: 250, width: 1080, height: 1920 - 250 - 340 });
    }
    if (format.width === 1200) {
      // X and Facebook show the whole image in large link previews.
      expect(format.safe).toEqual({ x: 0, y: 0, width: 1200, height: 630 });
    }
  }, 60_000);
});
