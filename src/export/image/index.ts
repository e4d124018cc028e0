/**
 * Share images: one card per pixel size, composed once, drawn once and encoded as each listed
 * file (1200×630 is both PNG and JPEG).
 */
import type { FontId } from '../../fonts.js';
import { composeCard, type Card, type CardSource, type CardText } from './card.js';
import { encode } from './encode.js';
import { rasteriseCard } from './raster.js';
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
  const sizes = [...new Set(formats.map((f) => `${f.width}x${f.height}`))];
  const images = new Map<CardFormat, ShareImage>();
  // Each size is composed here and drawn and encoded by sharp on its own threads, while this
  // thread composes the next one.
  await Promise.all(
    sizes.map(async (size) => {
      const same = formats.filter((f) => `${f.width}x${f.height}` === size);
      const card = await composeCard(text, same[0]!, source);
      const raster = await rasteriseCard(card);
      for (const f of same) images.set(f, { format: f, bytes: await encode(raster, f.type), card: withFormat(card, f) });
    }),
  );
  return formats.map((f) => images.get(f)!);
}

/** The card as another file of its size (1200×630 is PNG and JPEG); keeps the lazy `svg` getter. */
function withFormat(card: Card, format: CardFormat): Card {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(card), format: { value: format, enumerable: true } }) as Card;
}

/** The fonts whose glyphs a set of cards draws (their licences ship with the images). */
export function fontsUsed(images: ShareImage[]): FontId[] {
  const ids = new Set<FontId>();
  for (const image of images) for (const placed of image.card.blocks) for (const id of placed.block.fonts) ids.add(id);
  return [...ids].sort();
}
