/**
 * Offline bundles (the zips under dist/release/, made by src/build/zips.ts): what goes into one,
 * and the README.txt that says, in the reader's language, what is inside. Readers behind
 * censorship get these zips by messenger or on USB sticks and open them from disk (file://);
 * every link between pages ends in index.html and is relative (urls.ts), so the pages work there.
 */
import type { TFunction } from 'i18next';
import { SOURCE_LANGUAGE, type Language } from '../../languages.js';
import { SITE } from '../../config.js';
import { ICONS } from './head.js';
import path from 'node:path';
import { ownUrl, siteUrl } from './urls.js';

/** README.txt at the top of a bundle. */
export const README_FILE = 'README.txt';

export interface ReadmeLanguage {
  lang: Language;
  /** The language's UI strings (translations/<lang>/ui.json), e.g. `translator(repo, lang)`. */
  t: TFunction;
}

/**
 * The text of README.txt, one block per language given (a language's own bundle: that language;
 * a bundle of every language: each of them, the bundle's main language first). `entry` is the
 * dist/ path of the page to open first, e.g. `humanitarian-visas/fa/index.html`. Windows line
 * endings and a byte order mark, so that old Notepad shows Cyrillic and Arabic script right.
 */
export function bundleReadme(languages: ReadmeLanguage[], entry: string): string {
  const url = siteUrl(entry);
  const blocks = languages.map(({ t }) => {
    const lines = [
      t('bundle.title', { name: t('site.name') }),
      '',
      t('bundle.intro'),
      '',
      t('bundle.open').replace('index.html', entry),
      '',
      t('bundle.pdf'),
      t('bundle.text'),
      t('bundle.images'),
      t('bundle.fonts'),
      '',
      t('bundle.online', { url }),
    ];
    if (SITE.mirrors.length > 0) lines.push(t('bundle.mirrors'), ...SITE.mirrors.map((m) => `  ${new URL(entry, m.url).href}`));
    return lines.join('\r\n');
  });
  return `\uFEFF${blocks.join('\r\n\r\n----------------------------------------\r\n\r\n')}\r\n`;
}

/** The site-wide files every bundle carries beside its statement's, so that its pages' links resolve. */
export const SITE_WIDE_FILES = [ICONS.svg, ICONS.png, ICONS.apple] as const;

/**
 * Which dist/ paths (of `all`, every path of the build) go into a bundle, keeping their dist/
 * paths inside the zip, plus README.txt (bundleReadme) at its top:
 * - a language bundle (`slug` and `lang`): `<slug>/<lang>/…` (page, PDFs, images, fonts, licences);
 * - a statement bundle (`slug` only): `<slug>/…` (every language and the language picker);
 * - a language's everything bundle (`lang` only): `<slug>/<lang>/…` of every statement, and that
 *   language's home page, which lists them;
 * - the whole site (neither): everything but dist/release/ and 404.html (which only a web host uses).
 * and with the first two: the icons, the index, the language homes of the languages inside and of
 * English (the index's language), their feeds and the site's fonts folder (fonts/), so that the masthead, footer and head links work.
 * Links on those site pages to other statements stay out of the bundle (not published in it).
 */
export function bundlePaths(all: string[], scope: { slug?: string; lang?: string } = {}): string[] {
  const { slug, lang } = scope;
  if (!slug && !lang) return all.filter((p) => !p.startsWith('release/') && p !== '404.html' && p !== README_FILE).sort();
  const mine = all.filter((p) => {
    const [first, second] = p.split('/');
    if (slug) return first === slug && (!lang || second === lang);
    return second === lang && p.split('/').length > 2 && !p.startsWith('release/');
  });
  // The index is in the source language, and its footer links that language's home and feed.
  const langs = new Set([SOURCE_LANGUAGE.tag, ...mine.map((p) => p.split('/')[1]).filter((l) => l && !l.includes('.'))]);
  const site = all.filter((p) =>
    (SITE_WIDE_FILES as readonly string[]).includes(p) || p === 'index.html' || p.startsWith('fonts/')
    || [...langs].some((l) => p === `${l}/index.html` || p === `feeds/${l}.xml`));
  return [...new Set([...mine, ...site])].sort();
}

/**
 * A page as it goes into a bundle whose files are `inside`: a link to a page the bundle does not
 * hold (another language, another statement) points to that page on the website instead, so that
 * nothing inside the bundle leads to a missing file.
 */
export function offlinePage(html: string, pagePath: string, inside: Set<string>): string {
  const dir = path.posix.dirname(pagePath);
  return html.replace(/(<a\b[^>]*?\shref=")([^"#?:]+)((?:[#?][^"]*)?)"/g, (whole, start: string, href: string, rest: string) => {
    const target = path.posix.normalize(path.posix.join(dir, href));
    return inside.has(target) ? whole : `${start}${ownUrl(target)}${rest}"`;
  });
}
