/**
 * The web pages: what the build calls. `renderPage` makes one statement's page in one language
 * with its fonts and their licences; `renderSiteFiles` makes the pages and files above them
 * (language pickers, index, sitemap, Atom feeds) from every published publication.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { LANGUAGES } from '../languages.js';
import { artefactPaths, type Artefact, type Publication } from '../publication.js';
import { finishPages } from '../export/html/document.js';
import { statementTree } from '../export/html/page.js';
import { renderBody } from '../export/html/markdown.js';
import { indexTree, pickerTree } from '../export/html/site.js';
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
  const artefacts = await finishPages(pages, { fontsDir: SITE_FONTS_DIR, memo });

  const encoder = new TextEncoder();
  const bodies = new Map<string, string>();
  for (const p of pubs) bodies.set(`${p.slug}/${p.lang.tag}`, toHtml(await renderBody(p.doc.tree, { lang: p.lang })));
  for (const lang of LANGUAGES) {
    const mine = pubs.filter((p) => p.lang.tag === lang.tag);
    if (mine.length > 0) artefacts.push({ path: feedPath(lang.tag), bytes: encoder.encode(atomFeed(lang, mine, bodies)), kind: 'feed', lang: lang.tag });
  }
  artefacts.push({ path: 'sitemap.xml', bytes: encoder.encode(sitemap(pubs)), kind: 'sitemap' });
  return artefacts;
}
