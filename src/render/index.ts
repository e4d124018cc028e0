/**
 * The kinds of artefact the build makes. For each publication the build runs one job per
 * entry of JOB_KINDS, plus one job for the site files. A new kind is one line here and an
 * exporter folder whose function turns a publication into artefacts.
 *
 * Each renderer is imported on first use, so `--only html` never loads the PDF or image code.
 * Tests pass a module of stand-ins with the same `renderers` export.
 */
import type { Artefact, Publication } from '../publication.js';
import type { Memo } from '../memo.js';
import { shareImageInputs } from './card-text.js';
import { calendarInputs } from './calendar-inputs.js';

export type PublicationRenderer = (pub: Publication, memo: Memo) => Promise<Artefact[]>;

/** What `--only` selects. */
export type Output = 'html' | 'pdf' | 'images';
export const OUTPUTS: Output[] = ['html', 'pdf', 'images'];

export interface JobKind {
  kind: string;
  output: Output;
  /** What a person reads when it fails. */
  name: string;
  /** What its files depend on, when that is less than the whole publication. */
  inputs?: (pub: Publication) => string;
  /** Its renderer, imported when first needed. */
  load: () => Promise<PublicationRenderer>;
}

/** In the order to start them: the longest first. */
export const JOB_KINDS: JobKind[] = [
  { kind: 'pdf', output: 'pdf', name: 'PDFs', load: async () => (await import('./pdf.js')).renderPdfs },
  // Share images show the title, the quote and a few labels: an edit to the body leaves them be.
  { kind: 'images', output: 'images', name: 'share images', inputs: shareImageInputs, load: async () => (await import('./images.js')).renderShareImages },
  { kind: 'page', output: 'html', name: 'HTML page', load: async () => (await import('./html.js')).renderPage },
  { kind: 'posts', output: 'html', name: 'post kit', load: async () => (await import('./posts.js')).renderPosts },
  // The .ics file shows only the event, the title and the summary.
  { kind: 'calendar', output: 'html', name: 'calendar file (.ics)', inputs: calendarInputs, load: async () => (await import('./calendar.js')).renderCalendar },
  { kind: 'text', output: 'html', name: 'plain text', load: async () => (await import('../export/text/index.js')).renderText },
];

export interface Renderers {
  kinds: Record<string, PublicationRenderer>;
  /** The pages and files above the statements, from every published publication. */
  site(pubs: Publication[], memo: Memo): Promise<Artefact[]>;
  /** Load what jobs of these kinds need (code, WebAssembly, fonts) before the first one comes. */
  warm?(kinds: string[]): Promise<void>;
}

export const renderers: Renderers = {
  kinds: Object.fromEntries(JOB_KINDS.map((k): [string, PublicationRenderer] => [k.kind, async (pub, memo) => (await k.load())(pub, memo)])),
  site: async (pubs, memo) => (await import('./html.js')).renderSiteFiles(pubs, memo),
  async warm(kinds) {
    await Promise.all(JOB_KINDS.filter((k) => kinds.includes(k.kind)).map((k) => k.load()));
    if (kinds.includes('site')) await import('./html.js');
    if (kinds.includes('pdf')) await (await import('../typeset/harfbuzz.js')).loadAllFonts();
  },
};
