/**
 * The page's Share section: links that open Telegram, WhatsApp and X with the post filled in,
 * and the post kit's texts to copy, each with its image. The texts are the post kit's own
 * (the same function that writes posts.json). No script: the statement page has none, so the
 * texts sit in read-only text areas, where a tap or a long press selects them for copying.
 * The links are plain: nothing is asked of those sites until the reader follows one.
 */
import type { Element } from 'hast';
import { formatNumber } from '../../languages.js';
import { artefactPaths, type Publication } from '../../publication.js';
import { postInput, postKit, shareLinks, type ImageRef } from '../posts/index.js';
import { h } from './h.js';
import { relativeUrl } from './urls.js';

export function shareSection(pub: Publication, here: string): Element {
  const { t, lang, slug } = pub;
  const kit = postKit(slug, postInput(pub));
  const links = shareLinks(kit);
  const images = artefactPaths(slug, lang.tag).images;
  const out = (href: string, label: string) => h('a', { href, rel: ['noopener', 'noreferrer'] }, label);
  const image = (ref: ImageRef) => {
    const file = images.find((i) => ref.url.endsWith(`/${i.path}`))!;
    return h('a', { href: relativeUrl(here, file.path), type: 'image/png' },
      t('downloads.image', { width: formatNumber(lang, file.width), height: formatNumber(lang, file.height) }));
  };
  const text = (id: string, label: string, value: string, ref: ImageRef) => h('div', { className: ['post'] },
    h('label', { htmlFor: [id] }, label),
    h('textarea', { id, readOnly: true, rows: rows(value) }, value),
    h('p', {}, image(ref)));
  const count = kit.x.posts.length;
  return h('section', { className: ['share'], ariaLabelledBy: ['share-heading'] },
    h('h2', { id: 'share-heading' }, t('share.heading')),
    h('ul', {},
      h('li', {}, out(links.telegram, t('share.onTelegram'))),
      h('li', {}, out(links.whatsapp, t('share.onWhatsapp'))),
      h('li', {}, out(links.x, t('share.onX')))),
    h('p', {}, t('share.intro')),
    text('post-telegram', t('share.telegram'), kit.telegram.plain, kit.telegram.image),
    text('post-whatsapp', t('share.whatsapp'), kit.whatsapp.text, kit.whatsapp.image),
    kit.x.posts.map((post, i) => text(`post-x-${i + 1}`,
      t('share.xPost', { number: formatNumber(lang, i + 1), total: formatNumber(lang, count) }), post.text, kit.x.image)),
    text('post-instagram', t('share.instagram'), kit.instagram.text, kit.instagram.image));
}

/** Tall enough for a short post on a phone (about 36 characters a line), never taller than a screenful. */
function rows(value: string): number {
  const lines = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 36)), 0);
  return Math.min(14, lines);
}
