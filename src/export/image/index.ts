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
  // Compose every card first (JavaScript on this thread), then hand all rasterising and
  // encoding to sharp at once: it works on its own threads while this one goes on with the
  // build's other jobs, instead of waiting for each image before composing the next.
  const cards = new Map<string, Card>();
  for (const format of formats) {
    const size = `${format.width}x${format.height}`;
    if (!cards.has(size)) cards.set(size, await composeCard(text, format, source));
  }
  const rasters = new Map<string, Promise<Raster>>();
  for (const [size, card] of cards) rasters.set(size, rasterise(card.svg, SITE.colours.paper));
  return Promise.all(
    formats.map(async (format) => {
      const size = `${format.width}x${format.height}`;
      const bytes = await encode(await rasters.get(size)!, format.type);
      return { format, bytes, card: { ...cards.get(size)!, format } };
    }),
  );
}

/** The fonts whose glyphs a set of cards draws (their licences ship with the images). */
export function fontsUsed(images: ShareImage[]): FontId[] {
  const ids = new Set<FontId>();
  for (const image of images) for (const placed of image.card.blocks) for (const id of placed.block.fonts) ids.add(id);
  return [...ids].sort();
}
