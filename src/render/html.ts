/**
 * The web pages: what the build calls. `renderPage` makes one statement's page in one language
 * with its fonts and their licences; `renderSiteFiles` makes the pages and files above them
 * from every published publication: language pickers, the index, each language's home page
 * (`<lang>/index.html`), `404.html`, `robots.txt`, the icons (favicon.svg, icon-192.png,
 * apple-touch-icon.png), the sitemap and the Atom feeds.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { LANGUAGES } from '../languages.js';
import { artefactPaths, type Artefact, type Publication } from '../publication.js';
import { finishPages } from '../export/html/document.js';
import { statementTree } from '../export/html/page.js';
import { renderBody } from '../export/html/markdown.js';
import { indexTree, languageHomeTree, notFoundTree, pickerTree } from '../export/html/site.js';
import { homePath } from '../export/html/chrome.js';
import { iconArtefacts } from '../export/html/icons.js';
import { serialise } from '../export/html/document.js';
import { stylesheet } from '../export/html/styles.js';
import { h } from '../export/html/h.js';
import { ownUrl } from '../export/html/urls.js';
import { atomFeed } from '../export/html/feed.js';
import { sitemap } from '../export/html/sitemap.js';
import { feedPath } from '../export/html/head.js';
import { noMemo, type Memo } from '../memo.js';

/** Site pages keep their fonts here: the pickers and the index share one subset per font. */
export const SITE_FONTS_DIR = 'fonts';

export async function renderPage(pub: Publication, memo: Memo = noMemo): Promise<Artefact[]> {
  const paths = artefactPaths(pub.slug, pub.lang.tag);
  const tree = await statementTree(pub);
  return finishPages([{ tree, path: paths.page }], { fontsDir: paths.fontsDir, slug: pub.slug, lang: pub.lang.tag, memo });
}

export async function renderSiteFiles(pubs: Publication[], memo: Memo = noMemo): Promise<Artefact[]> {
  if (pubs.length === 0) return [];
  const slugs = [...new Set(pubs.map((p) => p.slug))].sort();
  const pages: { tree: Root; path: string }[] = slugs.map((slug) => ({
    tree: pickerTree(pubs.filter((p) => p.slug === slug)),
    path: `${slug}/index.html`,
  }));
  pages.push({ tree: indexTree(pubs, LANGUAGES), path: 'index.html' });
  for (const lang of LANGUAGES) {
    if (pubs.some((p) => p.lang.tag === lang.tag)) pages.push({ tree: languageHomeTree(pubs, lang, LANGUAGES), path: homePath(lang.tag) });
  }
  const artefacts = await finishPages(pages, { fontsDir: SITE_FONTS_DIR, memo });

  const encoder = new TextEncoder();
  artefacts.push({ path: '404.html', bytes: encoder.encode(notFoundPage(pubs)), kind: 'html' });
  artefacts.push({ path: 'robots.txt', bytes: encoder.encode(robotsTxt()), kind: 'other' });
  artefacts.push(...(await iconArtefacts()));
  const bodies = new Map<string, string>();
  for (const p of pubs) bodies.set(`${p.slug}/${p.lang.tag}`, toHtml(await renderBody(p.doc.tree, { lang: p.lang })));
  for (const lang of LANGUAGES) {
    const mine = pubs.filter((p) => p.lang.tag === lang.tag);
    if (mine.length > 0) artefacts.push({ path: feedPath(lang.tag), bytes: encoder.encode(atomFeed(lang, mine, bodies)), kind: 'feed', lang: lang.tag });
  }
  artefacts.push({ path: 'sitemap.xml', bytes: encoder.encode(sitemap(pubs)), kind: 'sitemap' });
  return artefacts;
}

/** The 404 page: served at any depth, so no web fonts (their relative URLs would miss); the stylesheet inline. */
function notFoundPage(pubs: Publication[]): string {
  const tree = notFoundTree(pubs, LANGUAGES);
  const html = tree.children.find((c) => c.type === 'element' && c.tagName === 'html') as import('hast').Element;
  const head = html.children.find((c) => c.type === 'element' && c.tagName === 'head') as import('hast').Element;
  head.children.push(h('style', {}, stylesheet('', '')));
  return serialise(tree);
}

/** robots.txt: everything may be read; the sitemap at this build's address. */
export function robotsTxt(): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${ownUrl('sitemap.xml')}\n`;
}
