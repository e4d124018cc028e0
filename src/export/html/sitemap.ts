/**
 * sitemap.xml: the index, each language's home page, every picker and every language page, each statement's pages
 * listing each other (and the picker as x-default) with xhtml:link alternates.
 */
import { artefactPaths, type Publication } from '../../publication.js';
import { xmlEscape } from './feed.js';
import { pickerPath } from './head.js';
import { homePath } from './chrome.js';
import { siteUrl } from './urls.js';

export function sitemap(pubs: Publication[]): string {
  const slugs = [...new Set(pubs.map((p) => p.slug))].sort();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    `  <url><loc>${xmlEscape(siteUrl('index.html'))}</loc></url>`,
  ];
  // Each language's home page, in registry order of first appearance.
  for (const tag of [...new Set(pubs.map((p) => p.lang.tag))]) lines.push(`  <url><loc>${xmlEscape(siteUrl(homePath(tag)))}</loc></url>`);
  for (const slug of slugs) {
    const mine = pubs.filter((p) => p.slug === slug);
    const alternates = [
      ...mine.map((p) => `    <xhtml:link rel="alternate" hreflang="${xmlEscape(p.lang.tag)}" href="${xmlEscape(siteUrl(artefactPaths(slug, p.lang.tag).page))}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(siteUrl(pickerPath(slug)))}"/>`,
    ];
    const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    const url = (loc: string, date: string | undefined) => [
      '  <url>',
      `    <loc>${xmlEscape(loc)}</loc>`,
      ...(date && isDate(date) ? [`    <lastmod>${date}</lastmod>`] : []),
      ...alternates,
      '  </url>',
    ];
    lines.push(...url(siteUrl(pickerPath(slug)), mine.map((p) => p.date).filter(isDate).sort().at(-1)));
    for (const p of mine) lines.push(...url(siteUrl(artefactPaths(slug, p.lang.tag).page), p.date));
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
