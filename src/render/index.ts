/**
 * The renderers the build calls: one per kind of publication job (PUBLICATION_JOBS in
 * src/build/jobs.ts), and the site files. Each module is imported on first use, so
 * `--only html` never loads the PDF or image code. Tests pass a module of stand-ins with the
 * same export.
 */
import type { Artefact, Publication } from '../publication.js';
import type { Memo } from '../memo.js';

export type PublicationRenderer = (pub: Publication, memo: Memo) => Promise<Artefact[]>;

export interface Renderers {
  kinds: Record<string, PublicationRenderer>;
  /** The pages and files above the statements, from every published publication. */
  site(pubs: Publication[], memo: Memo): Promise<Artefact[]>;
  /** Load what jobs of these kinds need (code, WebAssembly, fonts) before the first one comes. */
  warm?(kinds: string[]): Promise<void>;
}

const html = () => import('./html.js');
const pdf = () => import('./pdf.js');
const images = () => import('./images.js');
const posts = () => import('./posts.js');
const calendar = () => import('./calendar.js');

export const renderers: Renderers = {
  kinds: {
    page: async (pub, memo) => (await html()).renderPage(pub, memo),
    pdf: async (pub, memo) => (await pdf()).renderPdfs(pub, memo),
    images: async (pub) => (await images()).renderShareImages(pub),
    posts: async (pub) => (await posts()).renderPosts(pub),
    calendar: async (pub) => (await calendar()).renderCalendar(pub),
  },
  site: async (pubs, memo) => (await html()).renderSiteFiles(pubs, memo),
  async warm(kinds) {
    const modules: Record<string, () => Promise<unknown>> = { page: html, site: html, pdf, images, posts, calendar };
    await Promise.all(kinds.map((kind) => modules[kind]?.()));
    if (kinds.includes('pdf')) await (await import('../typeset/harfbuzz.js')).loadAllFonts();
  },
};
