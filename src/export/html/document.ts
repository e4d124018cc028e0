/**
 * Finishing a page: choose and subset its fonts from the text it really shows, inline the
 * stylesheet, serialise. Output depends only on the tree, so equal input gives equal bytes.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { FontId } from '../../fonts.js';
import { fontLicences, type Artefact } from '../../publication.js';
import { collectText, familyCss, fontFaceCss, fontFileName, planFonts, subset } from './fonts.js';
import { stylesheet } from './styles.js';
import type { Memo } from '../../memo.js';
import { h } from './h.js';
import { relativeUrl } from './urls.js';

export interface PageTree {
  tree: Root;
  /** dist/ path of the page, e.g. humanitarian-visas/fa/index.html. */
  path: string;
}

export interface FinishOptions {
  /** dist/ folder the fonts go to; pages sharing it share one subset per font. */
  fontsDir: string;
  slug?: string;
  lang?: string;
  /** Keeps font subsets between builds. */
  memo?: Memo;
}

/** Serialise pages that share one fonts folder: the subsets cover the text of all of them. */
export async function finishPages(pages: PageTree[], options: FinishOptions): Promise<Artefact[]> {
  const use = new Map() as ReturnType<typeof collectText>;
  for (const page of pages) {
    const { html, body } = parts(page.tree);
    for (const [lang, styles] of collectText(body, String(html.properties.lang))) {
      const entry = use.get(lang);
      if (!entry) use.set(lang, styles);
      else for (const style of Object.keys(styles) as (keyof typeof styles)[]) for (const c of styles[style]) entry[style].add(c);
    }
  }
  const plan = await planFonts(use);
  const ids = [...plan.chars.keys()].sort() as FontId[];
  // Ask for every subset before anything else: Brotli compresses them on libuv's threads while
  // this thread goes on.
  const fonts = ids.map((id) => subset(id, plan.chars.get(id)!, options.memo));
  const meta = { slug: options.slug, lang: options.lang };
  const artefacts: Artefact[] = [];
  for (const page of pages) {
    const { head } = parts(page.tree);
    const pageDir = page.path.replace(/\/?[^/]*$/, '');
    const prefix = relativeUrl(pageDir, `${options.fontsDir}/x`).replace(/x$/, '');
    head.children.push(h('style', {}, stylesheet(fontFaceCss(plan, prefix), familyCss(plan))));
    artefacts.push({ path: page.path, bytes: new TextEncoder().encode(serialise(page.tree)), kind: 'html', ...meta });
  }
  for (const [i, id] of ids.entries()) {
    artefacts.push({ path: `${options.fontsDir}/${fontFileName(id)}`, bytes: await fonts[i]!, kind: 'font', ...meta });
  }
  return [...artefacts, ...fontLicences(ids, options.fontsDir, meta)];
}

function parts(tree: Root): { html: Element; head: Element; body: Element } {
  const html = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html')!;
  const child = (name: string) => html.children.find((c): c is Element => c.type === 'element' && c.tagName === name)!;
  return { html, head: child('head'), body: child('body') };
}

export function serialise(tree: Root): string {
  return `${toHtml(tree, { upperDoctype: true, characterReferences: { useNamedReferences: false } })}\n`;
}
