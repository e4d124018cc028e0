/**
 * The renderers the build calls, by job kind (see PUBLICATION_JOBS in src/build/jobs.ts).
 * Each module is imported on first use, so `--only html` never loads the PDF or image code.
 * Tests pass a module of stand-ins with the same export.
 */
import type { Artefact, Publication } from '../publication.js';
import type { Memo } from '../memo.js';

export interface Renderers {
  page(pub: Publication, memo: Memo): Promise<Artefact[]>;
  pdf(pub: Publication, memo: Memo): Promise<Artefact[]>;
  images(pub: Publication, memo: Memo): Promise<Artefact[]>;
  /** The pages and files above the statements, from every published publication. */
  site(pubs: Publication[], memo: Memo): Promise<Artefact[]>;
  /** Load what jobs of these kinds need (code, WebAssembly, fonts) before the first one comes. */
  warm?(kinds: RendererName[]): Promise<void>;
}

export type RendererName = 'page' | 'pdf' | 'images' | 'site';

const modules = {
  page: () => import('./html.js'),
  site: () => import('./html.js'),
  pdf: () => import('./pdf.js'),
  images: () => import('./images.js'),
};

export const renderers: Renderers = {
  page: async (pub, memo) => (await modules.page()).renderPage(pub, memo),
  pdf: async (pub, memo) => (await modules.pdf()).renderPdfs(pub, memo),
  images: async (pub, memo) => (await modules.images()).renderShareImages(pub, memo),
  site: async (pubs, memo) => (await modules.site()).renderSiteFiles(pubs, memo),
  async warm(kinds) {
    await Promise.all(kinds.map((kind) => modules[kind]()));
    if (kinds.includes('pdf')) await (await import('../typeset/harfbuzz.js')).loadAllFonts();
  },
};
