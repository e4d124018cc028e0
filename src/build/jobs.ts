/**
 * The units of work: one job per publication and output (page, PDFs, images) plus one for
 * the site files. Each job has a cache key from everything its bytes depend on.
 */
import type { Publication } from '../publication.js';
import type { Repository } from '../content/repository.js';
import { findUi } from '../content/find.js';
import { hashParts, sha256 } from './hash.js';
import { shareImageInputs } from '../render/card-text.js';

export type Output = 'html' | 'pdf' | 'images';
export const OUTPUTS: Output[] = ['html', 'pdf', 'images'];

export type JobKind = 'page' | 'pdf' | 'images' | 'site';

export interface Job {
  /** e.g. `humanitarian-visas/fa/pdf`, or `site`. */
  id: string;
  kind: JobKind;
  slug?: string;
  lang?: string;
  key: string;
}

/** Versions shared by every job of one build. */
export interface Versions {
  /** Per kind of job: codeVersion() of its render module. */
  code: Record<JobKind, string>;
  fonts: string;
  config: string;
  /** The renderers module: another set of exporters makes other files. */
  renderers: string;
}

/**
 * Jobs in the order to start them: per publication its images, PDFs and page, so that a share
 * image job (waiting on sharp's threads) usually runs beside a PDF or page job (JavaScript);
 * the site files last.
 */
export function planJobs(pubs: Publication[], only: Output[], versions: Versions, repo: Repository): Job[] {
  const jobs: Job[] = [];
  const kinds = publicationKinds(only);
  for (const pub of pubs) {
    for (const kind of kinds) {
      jobs.push({ id: jobId(pub, kind), kind, slug: pub.slug, lang: pub.lang.tag, key: jobKey(kind, pub, versions, repo) });
    }
  }
  if (only.includes('html') && pubs.length > 0) {
    const key = hashParts({ kind: 'site', ...flat(versions, 'site'), pubs: pubs.map((p) => jobKey('page', p, versions, repo)).join(',') });
    jobs.push({ id: SITE_JOB, kind: 'site', key });
  }
  return jobs;
}

const SITE_JOB = 'site';

function jobId(pub: Publication, kind: JobKind): string {
  return `${pub.slug}/${pub.lang.tag}/${kind}`;
}

/** The jobs of one publication for these outputs, in the order to start them. */
function publicationKinds(only: Output[]): JobKind[] {
  const kinds: JobKind[] = [];
  if (only.includes('images')) kinds.push('images');
  if (only.includes('pdf')) kinds.push('pdf');
  if (only.includes('html')) kinds.push('page');
  return kinds;
}

/** The id of every job a build of all of these publications, and of every output, has. */
export function allJobIds(pubs: Publication[]): string[] {
  const kinds = publicationKinds(OUTPUTS);
  return [SITE_JOB, ...pubs.flatMap((pub) => kinds.map((kind) => jobId(pub, kind)))];
}

function jobKey(kind: JobKind, pub: Publication, versions: Versions, repo: Repository): string {
  // Share images show the title, the quote and a few labels: an edit to the body leaves them be.
  if (kind === 'images') return hashParts({ kind, ...flat(versions, kind), slug: pub.slug, lang: pub.lang.tag, inputs: shareImageInputs(pub) });
  return hashParts({
    kind,
    ...flat(versions, kind),
    slug: pub.slug,
    lang: pub.lang.tag,
    source: pub.source.text,
    doc: pub.doc.text,
    uiEn: findUi(repo, 'en')?.text,
    ui: findUi(repo, pub.lang.tag)?.text,
    published: pub.published.map((l) => l.tag).join(','),
  });
}

function flat(versions: Versions, kind: JobKind): Record<string, string> {
  return { code: versions.code[kind], fonts: versions.fonts, config: versions.config, renderers: versions.renderers };
}

/** One hash over every input text, so a worker can tell that it read the same files as the main thread. */
export function repositoryDigest(repo: Repository): string {
  const docs = [...repo.statements, ...repo.translations, ...repo.ui];
  return sha256(docs.map((d) => `${d.path}\0${sha256(d.text)}`).sort().join('\n'));
}

export function pairKey(slug: string, lang: string): string {
  return `${slug}/${lang}`;
}
