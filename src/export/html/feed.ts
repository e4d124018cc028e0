/**
 * One Atom feed per language, newest first. `updated` comes from the statements' dates,
 * never the clock, so the same input gives the same bytes.
 */
import { SITE } from '../../config.js';
import type { Language } from '../../languages.js';
import { artefactPaths, type Publication } from '../../publication.js';
import { feedPath } from './head.js';
import { newestFirst } from './site.js';
import { typographyText } from './typography.js';
import { siteUrl } from './urls.js';

export function xmlEscape(value: string): string {
  // Characters XML 1.0 forbids are dropped; the rest escaped.
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function atomDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '1970-01-01T00:00:00Z';
}

/** `bodies` maps a publication (slug/lang) to its rendered body HTML, for the entries' content. */
export function atomFeed(lang: Language, pubs: Publication[], bodies: Map<string, string>): string {
  const entries = newestFirst(pubs);
  const t = entries[0].t;
  const feedUrl = siteUrl(feedPath(lang.tag));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(lang.tag)}">`,
    `  <id>${xmlEscape(feedUrl)}</id>`,
    `  <title>${xmlEscape(t('feed.title'))}</title>`,
    `  <updated>${atomDate(entries.map((p) => p.date).sort().at(-1) ?? '')}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(SITE.canonicalUrl)}"/>`,
    `  <author><name>${xmlEscape(t('site.name'))}</name></author>`,
  ];
  for (const p of entries) {
    const url = siteUrl(artefactPaths(p.slug, lang.tag).page);
    lines.push(
      '  <entry>',
      `    <id>${xmlEscape(url)}</id>`,
      `    <title>${xmlEscape(typographyText(String(p.doc.data.title ?? ''), lang))}</title>`,
      `    <link rel="alternate" type="text/html" hreflang="${xmlEscape(lang.tag)}" href="${xmlEscape(url)}"/>`,
      `    <published>${atomDate(p.date)}</published>`,
      `    <updated>${atomDate(p.date)}</updated>`,
      `    <summary>${xmlEscape(typographyText(String(p.doc.data.summary ?? ''), lang))}</summary>`,
      bodies.has(`${p.slug}/${lang.tag}`) ? `    <content type="html">${xmlEscape(bodies.get(`${p.slug}/${lang.tag}`)!)}</content>` : '',
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
