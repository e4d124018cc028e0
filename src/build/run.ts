/**
 * Running jobs: the same code in a worker thread and in this one. A runner is made once per
 * build and thread from the build's repository, then turns jobs into artefacts.
 */
import type { Repository } from '../content/repository.js';
import { publications, type Artefact, type Publication } from '../publication.js';
import type { Renderers } from '../render/index.js';
import type { Memo } from '../memo.js';
import { Cache } from './cache.js';
import { pairKey, type Job } from './jobs.js';

export interface RunSetup {
  /** The repository as the main thread read it (without its VFiles: see portableRepository). */
  repository: Repository;
  /** `slug/lang` pairs to publish; decides each publication's `published` list. */
  include: string[];
  /** URL of a module exporting `renderers` (tests pass stand-ins); default: src/render/index.ts. */
  renderers?: string;
  /** The cache's folder and the version the exporters' memo is kept under. */
  cache?: { dir: string; version: string };
}

export type JobResult =
  | { id: string; ok: true; artefacts: Artefact[]; ms: number }
  | { id: string; ok: false; error: string; ms: number };

export type Runner = (job: Job) => Promise<JobResult>;

/** The repository as a worker can receive it: without the VFiles, which only the check reads. */
export function portableRepository(repo: Repository): Repository {
  const strip = <T extends { file: unknown }>(d: T): T => ({ ...d, file: undefined });
  return { ...repo, statements: repo.statements.map(strip), translations: repo.translations.map(strip), ui: repo.ui.map(strip), problems: [] };
}

export async function createRunner(setup: RunSetup): Promise<Runner> {
  const include = new Set(setup.include);
  const pubs = publications(setup.repository, (slug, lang) => include.has(pairKey(slug, lang.tag)));
  const renderers = await loadRenderers(setup.renderers);
  const memo = setup.cache ? new Cache(setup.cache.dir).memo(setup.cache.version) : undefined;
  return async (job) => {
    const start = performance.now();
    try {
      const artefacts = await render(renderers, pubs, job, memo ?? ((_key, make) => make()));
      return { id: job.id, ok: true, artefacts, ms: performance.now() - start };
    } catch (error) {
      return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error), ms: performance.now() - start };
    }
  };
}

export async function loadRenderers(url?: string): Promise<Renderers> {
  const mod = (url ? await import(url) : await import('../render/index.js')) as { renderers?: Renderers };
  if (!mod.renderers) throw new Error(`${url} does not export renderers`);
  return mod.renderers;
}

function render(r: Renderers, pubs: Publication[], job: Job, memo: Memo): Promise<Artefact[]> {
  if (job.kind === 'site') return r.site(pubs, memo);
  const pub = pubs.find((p) => p.slug === job.slug && p.lang.tag === job.lang);
  if (!pub) throw new Error(`no publication ${job.slug}/${job.lang}`);
  const renderer = r.kinds[job.kind];
  if (!renderer) throw new Error(`no renderer for ${job.kind} jobs`);
  return renderer(pub, memo);
}
