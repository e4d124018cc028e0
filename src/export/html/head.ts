/**
 * The <head> of a statement page: title, description, canonical URL, reciprocal hreflang
 * alternates with x-default, Open Graph and Twitter cards. Every URL absolute, from SITE.baseUrl.
 */
import type { Element } from 'hast';
import { artefactPaths, shareText, SHARE_IMAGES, type Publication } from '../../publication.js';
import { h } from './h.js';
import { ownUrl, relativeUrl, siteUrl } from './urls.js';
import { typographyText } from './typography.js';

/** The x-default page of a statement: its language picker. */
export function pickerPath(slug: string): string {
  return `${slug}/index.html`;
}

export function feedPath(lang: string): string {
  return `feeds/${lang}.xml`;
}

/** hreflang links for every published language plus x-default; the same list on every page of the statement. */
export function alternateLinks(slug: string, published: { tag: string }[]): Element[] {
  return [
    ...published.map((l) => h('link', { rel: ['alternate'], hrefLang: l.tag, href: siteUrl(artefactPaths(slug, l.tag).page) })),
    h('link', { rel: ['alternate'], hrefLang: 'x-default', href: siteUrl(pickerPath(slug)) }),
  ];
}

/** The site's icons, made from src/export/html/icon.svg by renderSiteFiles (see icons.ts). */
export const ICONS = { svg: 'favicon.svg', png: 'icon-192.png', apple: 'apple-touch-icon.png' } as const;

/**
 * The icon links of a page in `fromDir` (under dist/): relative, so they work offline; with
 * `fromDir` null (the 404 page, served at any depth) absolute at this build's address.
 */
export function iconLinks(fromDir: string | null): Element[] {
  const href = (file: string) => (fromDir === null ? ownUrl(file) : relativeUrl(fromDir, file));
  return [
    h('link', { rel: ['icon'], href: href(ICONS.svg), type: 'image/svg+xml' }),
    h('link', { rel: ['icon'], href: href(ICONS.png), type: 'image/png', sizes: '192x192' }),
    h('link', { rel: ['apple-touch-icon'], href: href(ICONS.apple) }),
  ];
}

/**
 * What every page's head starts with: charset, viewport, title, description, colour schemes,
 * the icons (relative to the page's folder `fromDir`), canonical URL.
 */
export function baseHead(title: string, description: string, canonical: string | null, fromDir: string | null = ''): Element[] {
  return [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', {}, title),
    h('meta', { name: 'description', content: description }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    // Named icons: the browser would otherwise ask for /favicon.ico, outside a mirror's folder.
    ...iconLinks(fromDir),
    canonical ? h('link', { rel: ['canonical'], href: canonical }) : null,
  ].filter((e): e is Element => e !== null);
}

export function statementHead(pub: Publication): Element[] {
  const { t, lang, slug } = pub;
  const paths = artefactPaths(slug, lang.tag);
  const title = typographyText(String(pub.doc.data.title ?? ''), lang);
  const summary = typographyText(String(pub.doc.data.summary ?? ''), lang);
  const url = siteUrl(paths.page);
  const og = SHARE_IMAGES.find((i) => paths.ogImage.endsWith(i.file))!;
  const alt = shareText(pub).alt;
  const meta = (property: string, content: string) => h('meta', { property, content });
  return [
    ...baseHead(`${title} — ${t('site.name')}`, summary, url, paths.dir),
    ...alternateLinks(slug, pub.published),
    h('link', { rel: ['alternate'], type: 'application/atom+xml', href: siteUrl(feedPath(lang.tag)), title: t('feed.title') }),
    meta('og:type', 'article'),
    meta('og:site_name', t('site.name')),
    meta('og:title', title),
    meta('og:description', summary),
    meta('og:url', url),
    // This build's address: a reader who shares a mirror's page gets a preview from the mirror.
    meta('og:image', ownUrl(paths.ogImage)),
    meta('og:image:type', 'image/jpeg'),
    meta('og:image:width', String(og.width)),
    meta('og:image:height', String(og.height)),
    meta('og:image:alt', alt),
    meta('og:locale', lang.ogLocale),
    ...pub.published.filter((l) => l.tag !== lang.tag).map((l) => meta('og:locale:alternate', l.ogLocale)),
    pub.date ? meta('article:published_time', pub.date) : null,
    h('meta', { name: 'twitter:card', content: 'summary_large_image' }),
    h('meta', { name: 'twitter:image:alt', content: alt }),
  ].filter((e): e is Element => e !== null);
}

