/**
 * Share images: one card per pixel size, composed once and encoded as each listed file
 * (1200×630 is both PNG and JPEG).
 */
import { SITE } from '../../config.js';
import type { FontId } from '../../fonts.js';
import { composeCard, type Card, type CardSource, type CardText } from './card.js';
import { encode, type Raster } from './encode.js';
import { endRasterTurn, rasteriseCard, rasterTurn, releaseRaster } from './raster.js';
import { CARD_FORMATS, type CardFormat } from './formats.js';
import { noMemo, type Memo } from '../../memo.js';

export { ShareImageFitError, composeCard } from './card.js';
export type { Card, CardSource, CardText, PlacedBlock } from './card.js';
export { CARD_FORMATS, cardFormat } from './formats.js';
export type { CardFormat, Rect } from './formats.js';

export interface ShareImage {
  format: CardFormat;
  bytes: Uint8Array;
  card: Card;
}

export async function renderShareCards(text: CardText, source: CardSource, formats: CardFormat[] = CARD_FORMATS, memo: Memo = noMemo): Promise<ShareImage[]> {
  // Each card is composed and drawn here (JavaScript on this thread), then its files are
  // encoded by sharp on its own threads while this one draws the next card.
  const encoded = new Map<CardFormat, Promise<ShareImage>>();
  for (const format of formats) {
    if (encoded.has(format)) continue;
    const sameSize = formats.filter((f) => f.width === format.width && f.height === format.height);
    const card = await composeCard(text, format, source, memo);
    await rasterTurn();
    let raster: Raster;
    try {
      raster = await rasteriseCard(card, SITE.colours.paper);
    } catch (error) {
      endRasterTurn();
      throw error;
    }
    const files = sameSize.map(async (f) => ({ format: f, bytes: await encode(raster, f.type), card: withFormat(card, f) }));
    // The raster's memory serves the next card once its files are made.
    void Promise.allSettled(files).then(() => releaseRaster(raster));
    for (const [i, f] of sameSize.entries()) encoded.set(f, files[i]!);
  }
  return Promise.all(formats.map((f) => encoded.get(f)!));
}

/** The card as another file of its size (1200×630 is PNG and JPEG); copies the lazy `svg` getter without running it. */
function withFormat(card: Card, format: CardFormat): Card {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(card), format: { value: format, enumerable: true } }) as Card;
}

/** The fonts whose glyphs a set of cards draws (their licences ship with the images). */
export function fontsUsed(images: ShareImage[]): FontId[] {
  const ids = new Set<FontId>();
  for (const image of images) for (const placed of image.card.blocks) for (const id of placed.block.fonts) ids.add(id);
  return [...ids].sort();
}
