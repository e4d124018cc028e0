/**
 * Glue: a publication → its share images and the licences of the fonts they draw with.
 */
import { artefactPaths, fontLicences, shareText, type Artefact, type Publication } from '../publication.js';
import { fontsUsed, renderShareCards } from '../export/image/index.js';
import { cardText } from './card-text.js';

export { ShareImageFitError } from '../export/image/index.js';
export { cardText, shareImageInputs } from './card-text.js';

export async function renderShareImages(pub: Publication): Promise<Artefact[]> {
  const paths = artefactPaths(pub.slug, pub.lang.tag);
  const { alt } = shareText(pub);
  const source = { slug: pub.slug, path: pub.doc.path, field: pub.doc.data.quote ? 'quote' : 'summary' } as const;
  const images = await renderShareCards(cardText(pub), source);
  const artefacts: Artefact[] = images.map((image) => ({
    path: paths.images.find((p) => p.file === image.format.file)!.path,
    bytes: image.bytes,
    kind: 'image',
    slug: pub.slug,
    lang: pub.lang.tag,
    width: image.format.width,
    height: image.format.height,
    alt,
  }));
  return [...artefacts, ...fontLicences(fontsUsed(images), paths.fontsDir, { slug: pub.slug, lang: pub.lang.tag })];
}
