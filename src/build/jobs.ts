/**
 * The units of work: for each publication one job per kind below, plus one for the site
 * files. A new kind of artefact is one line in PUBLICATION_JOBS and its renderer in
 * src/render/index.ts. Each job has a cache key from everything its bytes depend on.
 */
import type { Publication } from '../publication.js';
import type { Repository } from '../content/repository.js';
import { findUi } from '../content/find.js';
import { shareImageInputs } from '../render/card-text.js';
import { calendarInputs } from '../render/calendar-inputs.js';
import { hashParts } from './hash.js';

export type Output = 'html' | 'pdf' | 'images';
export const OUTPUTS: Output[] = ['html', 'pdf', 'images'];

interface JobKind {
  /** Its renderer's name in src/render/index.ts. */
  kind: string;
  /** What `--only` calls it. */
  output: Output;
  /** What a person reads when it fails. */
  name: string;
  /** What its files depend on, when that is less than the whole publication. */
  inputs?: (pub: Publication) => string;
}

/** In the order to start them: the longest first. */
export const PUBLICATION_JOBS: JobKind[] = [
  { kind: 'pdf', output: 'pdf', name: 'PDFs' },
  // Share images show the title, the quote and a few labels: an edit to the body leaves them be.
  { kind: 'images', output: 'images', name: 'share images', inputs: shareImageInputs },
  { kind: 'page', output: 'html', name: 'HTML page' },
  { kind: 'posts', output: 'html', name: 'post kit' },
  // The .ics file shows only the event, the title and the summary.
  { kind: 'calendar', output: 'html', name: 'calendar file (.ics)', inputs: calendarInputs },
];

export interface Job {
  /** e.g. `humanitarian-visas/fa/pdf`, or `site`. */
  id: string;
  /** A kind of PUBLICATION_JOBS, or `site`. */
  kind: string;
  name: string;
  slug?: string;
  lang?: string;
  key: string;
}

/** What every job of one build depends on besides its publication: code, settings, renderers. */
export type Versions = Record<string, string>;

export function planJobs(pubs: Publication[], only: Output[], versions: Versions, repo: Repository): Job[] {
  const jobs: Job[] = [];
  const kinds = PUBLICATION_JOBS.filter((k) => only.includes(k.output));
  for (const pub of pubs) {
    for (const k of kinds) {
      const inputs = k.inputs ? { inputs: k.inputs(pub) } : publicationInputs(pub, repo);
      const key = hashParts({ kind: k.kind, ...versions, slug: pub.slug, lang: pub.lang.tag, ...inputs });
      jobs.push({ id: `${pub.slug}/${pub.lang.tag}/${k.kind}`, kind: k.kind, name: k.name, slug: pub.slug, lang: pub.lang.tag, key });
    }
  }
  if (only.includes('html') && pubs.length > 0) {
    const all = pubs.map((p) => hashParts({ slug: p.slug, lang: p.lang.tag, ...publicationInputs(p, repo) })).join(',');
    jobs.push({ id: 'site', kind: 'site', name: 'site files (index, feeds, sitemap)', key: hashParts({ kind: 'site', ...versions, pubs: all }) });
  }
  return jobs;
}

function publicationInputs(pub: Publication, repo: Repository): Record<string, string | undefined> {
  return {
    source: pub.source.text,
    doc: pub.doc.text,
    uiEn: findUi(repo, 'en')?.text,
    ui: findUi(repo, pub.lang.tag)?.text,
    published: pub.published.map((l) => l.tag).join(','),
  };
}

export function pairKey(slug: string, lang: string): string {
  return `${slug}/${lang}`;
}
