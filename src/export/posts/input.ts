/**
 * A publication → the plain texts its posts are made of: front matter fields, the body's
 * paragraphs as the layout step reads them (so nothing here knows Markdown), the page's
 * address and its share images, all absolute at this build's address (a mirror's posts link
 * to the mirror, like its QR codes and Open Graph image).
 */
import { SITE } from '../../config.js';
import { absoluteUrl, artefactPaths, type Publication } from '../../publication.js';
import { bodyBlocks, StructureBuilder } from '../../layout/blocks.js';
import type { ImageRef, PostInput } from './kit.js';
import type { Span } from './text.js';

/** The page's address in posts. */
export function postUrl(slug: string, lang: string): string {
  return absoluteUrl(SITE.baseUrl, artefactPaths(slug, lang).page);
}

export function postInput(pub: Publication): PostInput {
  const { doc, lang, slug } = pub;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const structure = new StructureBuilder();
  const body = bodyBlocks(doc.tree, lang, structure, structure.root).map((block): Span[] => [
    ...(block.marker ? [{ text: `${block.marker.text} ` }] : []),
    ...block.runs.map((run) => ({
      text: run.text,
      bold: block.kind === 'heading' || run.style === 'bold' || run.style === 'boldItalic' ? true : undefined,
      href: run.href,
    })),
  ]);
  const image = (file: string): ImageRef => {
    const found = artefactPaths(slug, lang.tag).images.find((i) => i.file === file)!;
    return { url: absoluteUrl(SITE.baseUrl, found.path), width: found.width, height: found.height };
  };
  return {
    lang,
    title: text(doc.data.title) ?? '',
    summary: text(doc.data.summary),
    quote: text(doc.data.quote),
    body,
    signature: pub.t('site.signature'),
    url: postUrl(slug, lang.tag),
    images: { card: image('share-1200x630.png'), portrait: image('share-1080x1350.png'), story: image('share-1080x1920.png') },
  };
}
