/**
 * The project's exporters: HTML pages and site files, print PDFs, share images. Each module
 * is imported on first use, so `--only html` never loads the PDF or image code, and a build
 * answered entirely from the cache loads none of them.
 */
import type { Renderers } from './renderers.js';
import type { Keep } from '../keep.js';
import { noMemo, type Memo } from '../memo.js';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

const html = once(() => import('../render/html.js'));
const pdf = once(() => import('../render/pdf.js'));
const images = once(() => import('../render/images.js'));

let memo: Memo = noMemo;

export async function loadRenderers(): Promise<Renderers> {
  return {
    keepIn(keep?: Keep) {
      memo = keep ? (key, make) => keep.get(key, make) : noMemo;
    },
    async warm(kinds) {
      if (kinds.includes('page') || kinds.includes('site')) await html();
      if (kinds.includes('images')) await images();
      // HarfBuzz's WebAssembly compiles on V8's threads while the PDF code loads. The
      // subsetter is left until a PDF needs it: after an edit the subsets are usually kept.
      if (kinds.includes('pdf')) await Promise.all([pdf(), import('../typeset/harfbuzz.js').then((m) => m.loadAllFonts())]);
    },
    renderPage: async (pub) => (await html()).renderPage(pub, memo),
    renderSiteFiles: async (pubs) => (await html()).renderSiteFiles(pubs, memo),
    renderPdfs: async (pub) => (await pdf()).renderPdfs(pub, memo),
    renderShareImages: async (pub) => (await images()).renderShareImages(pub, memo),
  };
}
