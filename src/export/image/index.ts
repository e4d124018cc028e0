/**
 * Share images: one card per pixel size, composed once and encoded as each listed file
 * (1200×630 is both PNG and JPEG).
 */
import { SITE } from '../../config.js';
import type { FontId } from '../../fonts.js';
import { composeCard, type Card, type CardSource, type CardText } from './card.js';
import { encode, rasterise, type Raster } from './encode.js';
import { CARD_FORMATS, type CardFormat } from './formats.js';

export { ShareImageFitError, composeCard } from './card.js';
export type { Card, CardSource, CardText, PlacedBlock } from './card.js';
export { CARD_FORMATS, cardFormat } from './formats.js';
export type { CardFormat, Rect } from './formats.js';

export interface ShareImage {
  format: CardFormat;
  bytes: Uint8Array;
  card: Card;
}

export async function renderShareCards(text: CardText, source: CardSource, formats: CardFormat[] = CARD_FORMATS): Promise<ShareImage[]> {
  const rendered = new Map<string, { card: Card; raster: Raster }>();
  const out: ShareImage[] = [];
  for (const format of formats) {
    const size = `${format.width}x${format.height}`;
    let done = rendered.get(size);
    if (!done) {
      const card = await composeCard(text, format, source);
      done = { card, raster: await rasterise(card.svg, SITE.colours.paper) };
      rendered.set(size, done);
    }
    out.push({ format, bytes: await encode(done.raster, format.type), card: { ...done.card, format } });
  }
  return out;
}

/** The fonts whose glyphs a set of cards draws (their licences ship with the images). */
export function fontsUsed(images: ShareImage[]): FontId[] {
  const ids = new Set<FontId>();
  for (const image of images) for (const placed of image.card.blocks) for (const id of placed.block.fonts) ids.add(id);
  return [...ids].sort();
}
