/**
 * The card rasteriser on shapes whose pixels can be worked out by hand: coverage is the
 * area of a pixel inside the shape, whatever the direction or winding of the outline.
 */
import { describe, expect, it } from 'vitest';
import { RASTERS, drawCard, drawOutline, endRasterTurn, parseOutline, rasterTurn, releaseRaster } from '../../src/export/image/raster.js';
import { glyphOutline } from '../../src/export/image/engine.js';
import { loadFont } from '../../src/typeset/harfbuzz.js';

const WHITE = '#ffffff';
const BLACK = '#000000';

function pixel(r: { data: Buffer; width: number }, x: number, y: number): number[] {
  const i = (y * r.width + x) * 3;
  return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
}

describe('drawCard', () => {
  it('fills rectangles, blending partly covered edge pixels by their area', async () => {
    const r = await drawCard(6, 4, WHITE, [{ x: 1, y: 1, width: 2, height: 2, fill: BLACK }, { x: 3.5, y: 1, width: 1, height: 1, fill: '#ff0000' }], []);
    expect(pixel(r, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(r, 1, 1)).toEqual([0, 0, 0]);
    expect(pixel(r, 2, 2)).toEqual([0, 0, 0]);
    expect(pixel(r, 3, 3)).toEqual([255, 255, 255]);
    // x 3.5–4.5: half of pixel 3 and half of pixel 4 are red
    expect(pixel(r, 3, 1)).toEqual([255, 128, 128]);
    expect(pixel(r, 4, 1)).toEqual([255, 128, 128]);
  });

  it('covers the pixels inside an outline fully, those outside not at all, and edges by area', async () => {
    // A 4 × 4 unit square drawn at scale 1 with its top-left corner at (2, 2.5): y is up in
    // font units, so the glyph origin sits on its bottom edge at y = 6.5.
    const square = parseOutline('M0,0L4,0L4,4L0,4Z');
    expect([square.minX, square.minY, square.maxX, square.maxY]).toEqual([0, 0, 4, 4]);
    const glyph = { font: 'pt-serif-regular' as const, glyphId: 0, x: 2, y: 6.5, scale: 1, colour: BLACK, clip: { x: 0, y: 0, width: 10, height: 10 } };
    // drawCard takes glyphs by font and id; draw the square through its outline instead.
    const r = await drawCard(10, 10, WHITE, [], []);
    drawOutline(r, square, glyph);
    expect(pixel(r, 3, 4)).toEqual([0, 0, 0]); // inside
    expect(pixel(r, 0, 0)).toEqual([255, 255, 255]); // outside
    expect(pixel(r, 7, 4)).toEqual([255, 255, 255]); // right of the square
    expect(pixel(r, 3, 2)).toEqual([128, 128, 128]); // row 2 is half covered (2.5–3)
    expect(pixel(r, 3, 6)).toEqual([128, 128, 128]); // row 6 is half covered (6–6.5)
    // The same square wound the other way round covers the same pixels.
    const reversed = await drawCard(10, 10, WHITE, [], []);
    drawOutline(reversed, parseOutline('M0,0L0,4L4,4L4,0Z'), glyph);
    expect(reversed.data.equals(r.data)).toBe(true);
  });

  it('keeps a glyph inside its clip box', async () => {
    const r = await drawCard(10, 10, WHITE, [], []);
    drawOutline(r, parseOutline('M0,0L8,0L8,8L0,8Z'), { font: 'pt-serif-regular', glyphId: 0, x: 1, y: 9, scale: 1, colour: BLACK, clip: { x: 0, y: 0, width: 5, height: 10 } });
    expect(pixel(r, 4, 5)).toEqual([0, 0, 0]);
    expect(pixel(r, 5, 5)).toEqual([255, 255, 255]);
  });

  it('draws a real glyph with ink where its extents say, and none elsewhere', async () => {
    const font = await loadFont('pt-serif-bold');
    const gid = (font.font as unknown as { nominalGlyph(c: number): number }).nominalGlyph('H'.codePointAt(0)!);
    expect(gid).toBeGreaterThan(0);
    const size = 100;
    const scale = size / font.upem;
    const r = await drawCard(120, 120, WHITE, [], [{ font: 'pt-serif-bold', glyphId: gid, x: 10, y: 100, scale, colour: BLACK, clip: { x: 0, y: 0, width: 120, height: 120 } }]);
    const e = font.font.glyphExtents(gid)!;
    const left = 10 + e.xBearing * scale;
    const right = left + e.width * scale;
    const top = 100 - e.yBearing * scale;
    const bottom = top - e.height * scale;
    let inkOutside = 0;
    let ink = 0;
    for (let y = 0; y < 120; y++) {
      for (let x = 0; x < 120; x++) {
        const dark = pixel(r, x, y)[0]! < 250;
        if (!dark) continue;
        ink++;
        if (x + 1 < left || x > right || y + 1 < top || y > bottom) inkOutside++;
      }
    }
    expect(ink).toBeGreaterThan(1000);
    expect(inkOutside).toBe(0);
    expect(await glyphOutline('pt-serif-bold', gid)).toMatch(/^M/);
  });
});

describe('raster memory', () => {
  it('lets at most RASTERS rasters be in flight, and reuses a released one for the next card of any size', async () => {
    const taken: string[] = [];
    for (let i = 0; i < RASTERS; i++) await rasterTurn();
    const next = rasterTurn().then(() => taken.push('next'));
    await new Promise((r) => setTimeout(r, 20));
    expect(taken).toEqual([]);
    const big = await drawCard(1080, 1920, WHITE, [], []);
    releaseRaster(big);
    await next;
    expect(taken).toEqual(['next']);
    // The big card's memory serves a small card: the same bytes underneath, freshly filled.
    const small = await drawCard(1200, 630, BLACK, [], []);
    expect(small.data.buffer).toBe(big.data.buffer);
    expect(pixel(small, 1199, 629)).toEqual([0, 0, 0]);
    releaseRaster(small);
    for (let i = 1; i < RASTERS; i++) endRasterTurn();
  });
});
