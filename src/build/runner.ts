/**
 * Running jobs: the same code in a worker thread and in process. A runner loads the
 * repository and the renderers once, then turns jobs into artefacts.
 */
import type { Repository } from '../content/repository.js';
import { publications, type Artefact, type Publication } from '../publication.js';
import { knowDates } from '../languages.js';
import { importRenderers, type Renderers } from './renderers.js';
import { pairKey, repositoryDigest, type Job } from './jobs.js';
import { Store } from './store.js';

export interface RunnerSetup {
  root: string;
  /** URL of the renderers module. */
  renderers: string;
  /** `slug/lang` pairs to publish; decides each publication's `published` list. */
  include: string[];
  /** repositoryDigest() of what the main thread read. */
  digest: string;
  /**
   * What the main thread read, for a worker: it then neither reads nor parses the files again
   * nor loads the Markdown parser (about 0.15 s sooner ready). See portableRepository().
   */
  repository?: Repository;
  /** The build cache's folder and the exporters' version, for results kept between builds (see Keep). */
  keep?: { dir: string; version: string };
  /** The publications' dates, formatted (see knowDates). */
  dates?: Record<string, string>;
}

/**
 * The repository as a worker can receive it (structured clone): the documents without their
 * VFiles, which hold the checker's messages and nothing an exporter reads.
 */
export function portableRepository(repo: Repository): Repository {
  const strip = <T extends { file: unknown }>(d: T): T => ({ ...d, file: undefined });
  return { ...repo, statements: repo.statements.map(strip), translations: repo.translations.map(strip), ui: repo.ui.map(strip), problems: [] };
}

export type JobResult =
  | { id: string; ok: true; artefacts: Artefact[]; ms: number }
  | { id: string; ok: false; error: { name: string; message: string }; ms: number };

export interface Runner {
  run(job: Job): Promise<JobResult>;
}

const renderersByUrl = new Map<string, Promise<Renderers>>();

/** Build a runner; pass `repo` when the caller already loaded it (in process). */
export async function createRunner(setup: RunnerSetup, repo?: Repository): Promise<Runner> {
  const loaded = repo ?? setup.repository ?? (await import('../content/repository.js')).loadRepository(setup.root);
  if (repositoryDigest(loaded) !== setup.digest) {
    throw new Error('statements/ or translations/ changed while the build was starting; run the build again.');
  }
  if (setup.dates) knowDates(setup.dates);
  const include = new Set(setup.include);
  const pubs = publications(loaded, (slug, lang) => include.has(pairKey(slug, lang.tag)));
  const r = await renderersAt(setup.renderers);
  if (setup.keep) r.keepIn?.(new Store(setup.keep.dir).keeper(setup.keep.version));
  return { run: (job) => runJob(r, pubs, job) };
}

/** The renderers module at `url`, imported once per thread. */
export function renderersAt(url: string): Promise<Renderers> {
  let renderers = renderersByUrl.get(url);
  if (!renderers) {
    renderers = importRenderers(url);
    renderersByUrl.set(url, renderers);
  }
  return renderers;
}

async function runJob(r: Renderers, pubs: Publication[], job: Job): Promise<JobResult> {
  const start = performance.now();
  try {
    const artefacts = await render(r, pubs, job);
    return { id: job.id, ok: true, artefacts, ms: performance.now() - start };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: job.id, ok: false, error: { name: e.name, message: e.message }, ms: performance.now() - start };
  }
}

function render(r: Renderers, pubs: Publication[], job: Job): Promise<Artefact[]> {
  if (job.kind === 'site') return r.renderSiteFiles(pubs);
  const pub = pubs.find((p) => p.slug === job.slug && p.lang.tag === job.lang);
  if (!pub) throw new Error(`no publication ${job.slug}/${job.lang}`);
  if (job.kind === 'page') return r.renderPage(pub);
  if (job.kind === 'pdf') return r.renderPdfs(pub);
  return r.renderShareImages(pub);
}
