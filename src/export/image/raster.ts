/**
 * A card's pixels: its SVG drawn by librsvg through sharp. Our own rasteriser drew the cards
 * before; it was not clearly faster once the PNG is encoded (see the commit that removed it).
 * librsvg is deterministic: the same SVG gives the same pixels.
 */
import { createRequire } from 'node:module';
import type Sharp from 'sharp';
import type { Card } from './card.js';
import type { Raster } from './encode.js';

const sharp = createRequire(import.meta.url)('sharp') as typeof Sharp;

export async function rasteriseCard(card: Card): Promise<Raster> {
  // 72 dpi: one SVG user unit is one pixel.
  const { data, info } = await sharp(Buffer.from(card.svg), { density: 72 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
