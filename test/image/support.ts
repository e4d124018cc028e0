/** The real publications and their cards, shared by the share image tests. */
import { loadRepository } from '../../src/content/index.js';
import { publications, type Publication } from '../../src/publication.js';
import { CARD_FORMATS, composeCard, type Card, type CardFormat } from '../../src/export/image/index.js';
import { cardText } from '../../src/render/images.js';
import { ROOT } from '../support/repo.js';

export const PUBLICATIONS: Publication[] = publications(loadRepository(ROOT));

export function publication(tag: string): Publication {
  const pub = PUBLICATIONS.find((p) => p.lang.tag === tag);
  if (!pub) throw new Error(`no publication in ${tag}`);
  return pub;
}

/** One format per pixel size (the JPEG shares the PNG's layout). */
export const LAYOUT_FORMATS: CardFormat[] = CARD_FORMATS.filter(
  (f, i) => CARD_FORMATS.findIndex((g) => g.width === f.width && g.height === f.height) === i,
);

export function sourceOf(pub: Publication) {
  return { slug: pub.slug, path: pub.doc.path, field: pub.doc.data.quote ? ('quote' as const) : ('summary' as const) };
}

export function compose(pub: Publication, format: CardFormat): Promise<Card> {
  return composeCard(cardText(pub), format, sourceOf(pub));
}
