/**
 * The units of work: for each publication one job per kind of JOB_KINDS (src/render/index.ts),
 * plus one for the site files. Each job has a cache key from everything its bytes depend on.
 */
import type { Publication } from '../publication.js';
import type { Repository } from '../content/repository.js';
import { findUi } from '../content/find.js';
import { JOB_KINDS, type Output } from '../render/index.js';
import { hashParts } from './hash.js';

export { OUTPUTS, type Output } from '../render/index.js';

export interface Job {
  /** e.g. `humanitarian-visas/fa/pdf`, or `site`. */
  id: string;
  /** A kind of JOB_KINDS, or `site`. */
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
  const kinds = JOB_KINDS.filter((k) => only.includes(k.output));
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
