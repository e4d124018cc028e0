/**
 * `build()`: check, render what changed, bundle, and swap the result into dist/.
 *
 *  1. load statements/ and translations/, run the check; languages with errors are not
 *     published (the build stops with the report, or with `partial` leaves them out);
 *  2. plan one job per publication and output; answer unchanged jobs from the cache and
 *     render the rest (worker threads or in process);
 *  3. a language whose exporter fails (e.g. a quote too long for the share card) is left out
 *     the same way, and the pages of the other languages are re-planned without it;
 *  4. de-duplicate shared files (font licences), make the release zips and the manifest;
 *  5. write everything into a staging directory in .cache/ (what is made, as it is made;
 *     the rest from the previous dist/ or the cache at the end) and rename it over dist/.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadRepository, SLUG_PATTERN, type Repository } from '../content/repository.js';
import { publications, type Publication } from '../publication.js';
import { knowDates, LANGUAGES } from '../languages.js';
import { BuildError, EXIT } from './errors.js';
import { assertDistPath } from './paths.js';
import { RENDER_MODULES, codeVersion, configVersion, fontsVersion, hashParts } from './hash.js';
import { OUTPUTS, allJobIds, pairKey, planJobs, repositoryDigest, type Job, type JobKind, type Output, type Versions } from './jobs.js';
import { localPool, setupKey, splitPool, threadPool, type Pool } from './pool.js';
import { portableRepository, type JobResult, type RunnerSetup } from './runner.js';
import { REAL_RENDERERS } from './renderers.js';
import { Store, type ArtefactInfo } from './store.js';
import { ParseCache } from './parse-cache.js';
import { Staging, recover } from './staging.js';
import { manifestBytes, type Skipped } from './manifest.js';
import { ZipSources, bundle } from './bundle.js';
import { datesFor } from './dates.js';
import { silentReporter, type Reporter } from './progress.js';
import type { Checker, CheckOutcome } from './checker.js';

export interface BuildOptions {
  /** The repository: statements/, translations/; dist/ and .cache/ are written here. */
  root: string;
  statements?: string[];
  langs?: string[];
  only?: Output[];
  /** Publish the complete languages even when others have errors. */
  partial?: boolean;
  /** Worker threads; 0 renders in this process; default: by the amount of work. */
  workers?: number;
  /** A pool to reuse across builds (the dev server keeps its exporters loaded). */
  pool?: Pool;
  /** URL of the renderers module (tests pass stand-ins). */
  renderers?: string;
  checker?: Checker;
  reporter?: Reporter;
  signal?: AbortSignal;
  /**
   * Outputs that may be taken from the previous build when their inputs changed, instead of
   * being rendered (the dev server shows the new page at once and renders the rest after).
   */
  stale?: Output[];
  /** Release zips; on by default. */
  zips?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Print the check report with colours. */
  color?: boolean;
}

export interface BuildResult {
  artefacts: ArtefactInfo[];
  skipped: Skipped[];
  /** Jobs rendered, and jobs answered from the cache. */
  built: number;
  cached: number;
  /** Jobs taken from an earlier build although their inputs changed (only with `stale`). */
  stale: number;
  ms: number;
  check: CheckOutcome;
  /** Milliseconds per step: load, check, render, bundle, write (for `npm run bench`). */
  phases: Record<string, number>;
}

/**
 * When to use worker threads. Each worker loads the content and the exporters again (about
 * 0.3 s of CPU with the compiled code). From 4 cores, with enough jobs, every core gets a
 * worker taking any job. Below that, workers (one per core but this one's) take the PDF jobs,
 * this thread the share images, and the pages and site files go to whichever side is free
 * first (see splitPool); a build with no PDFs to make stays in this thread.
 * Measured on 2 cores, 7 languages, in three benchmark runs: 3.14, 3.21 and 3.65 s with the PDF
 * worker; 3.48, 3.17 and 3.60 s in this thread alone; 3.90, 3.38 and 3.76 s with two workers
 * taking any job. For one changed translation the two first took about as long (1.5–1.6 s,
 * measured alternately).
 */
export const WORKER_THRESHOLD = { cores: 4, jobs: 48 };

export async function build(options: BuildOptions): Promise<BuildResult> {
  const start = performance.now();
  const phases: Record<string, number> = {};
  let mark = start;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - mark;
    mark = now;
  };
  const root = path.resolve(options.root);
  const distDir = path.join(root, 'dist');
  const cacheDir = path.join(root, '.cache');
  const reporter = options.reporter ?? silentReporter;
  const only = options.only ?? OUTPUTS;
  const env = options.env ?? process.env;
  const aborted = () => {
    if (options.signal?.aborted) throw new BuildError('The build was interrupted; dist/ was left as it was.', EXIT.SIGINT);
  };

  validateScope(options);
  if (!fs.existsSync(path.join(root, 'statements'))) {
    throw new BuildError(`There is no statements/ folder in ${root}. Run the build from the project folder, or pass --root.`);
  }
  recover(cacheDir, distDir);
  const parseCache = new ParseCache(path.join(cacheDir, 'parsed'), codeVersion('content/parse.ts'));
  const repo = loadRepository(root, { parse: parseCache.parse });
  phase('load');
  for (const slug of options.statements ?? []) {
    if (!repo.statements.some((s) => s.slug === slug)) throw new BuildError(`There is no statement “${slug}” (statements/${slug}.md).`, EXIT.usage);
  }

  const inScope = (slug: string, lang: string) =>
    (!options.statements || options.statements.includes(slug)) && (!options.langs || options.langs.includes(lang));
  const candidates = publications(repo, (slug, lang) => inScope(slug, lang.tag));
  const store = new Store(path.join(cacheDir, 'build'));
  // Without zips, nothing is prepared for them.
  const zipSources = options.zips === false ? undefined : new ZipSources(store);
  const renderers = options.renderers ?? REAL_RENDERERS;
  const versions: Versions = { code: codeVersions(), fonts: fontsVersion(), config: configVersion(env), renderers };
  // Worker threads start, and start on their jobs, while the check runs (see earlyPool); a pool
  // passed in is the caller's.
  // What runners get, for a set of publications: the repository read here, hashed and stripped once.
  const digest = repositoryDigest(repo);
  const portable = portableRepository(repo);
  const keep = keepFor(store, versions);
  // Every thread prints dates: formatted here once (or read from the cache), given to each.
  const dates = datesFor(candidates, store.dir);
  knowDates(dates);
  const setupFor = (include: string[]): RunnerSetup => ({ root, renderers, include, digest, repository: portable, keep, dates });
  const early = options.pool ? undefined : earlyPool(options.workers, candidates, only, versions, repo, store, setupFor);
  let pool = options.pool ?? early?.pool;
  let speculation = early?.speculation;
  const ownPool = !options.pool;
  const counts = { built: 0, cached: 0, stale: 0 };
  const staleKinds = new Set<string>((options.stale ?? []).map((o) => (o === 'html' ? 'page' : o)));
  let infos: ArtefactInfo[] = [];
  let skipped: Skipped[] = [];
  const stop = () => void pool?.close();
  options.signal?.addEventListener('abort', stop);
  let check: CheckOutcome;
  // Where dist/ is put together, from the first file made on (see Staging.stage).
  let staging: Staging | undefined;
  const stage = (info: ArtefactInfo, bytes: Uint8Array | Uint8Array[]) => {
    try {
      staging ??= new Staging(cacheDir, distDir);
    } catch {
      return; // made at the end, where the failure is reported
    }
    staging.stage(info.path, info.sha256, bytes);
  };
  try {
    const checker = options.checker ?? (await import('./real-checker.js')).realChecker;
    check = await checker(repo, { langs: options.langs, statements: options.statements, keep: { dir: path.join(cacheDir, 'checked'), fonts: versions.fonts } });
    phase('check');
    aborted();
    skipped = candidates
      .filter((p) => !check.publishable(p.slug, p.lang.tag))
      .map((p) => ({ statement: p.slug, language: p.lang.tag, reasons: check.reasons(p.slug, p.lang.tag) }));
    const report = check.format(options.color ?? false);
    if (report) reporter.notice(report);
    if (check.errorCount > 0 && !options.partial) {
      throw new BuildError(
        `The check found ${check.errorCount} error${check.errorCount === 1 ? '' : 's'}; nothing was published. ` +
          'Fix them, or run with --partial to publish the languages that are complete.',
      );
    }

    const include = new Set(candidates.filter((p) => check.publishable(p.slug, p.lang.tag)).map((p) => pairKey(p.slug, p.lang.tag)));
    // Repeat while exporters fail for some language: the survivors' pages must not link to it.
    for (;;) {
      const pubs = publications(repo, (slug, lang) => include.has(pairKey(slug, lang.tag)));
      if (pubs.length === 0) throw new BuildError(nothingToPublish(skipped));
      const jobs = planJobs(pubs, only, versions, repo);
      const setup = setupFor([...include]);
      if (speculation && speculation.key !== setupKey(setup)) {
        // The check or an exporter left languages out: the jobs started early were for the
        // wrong set of languages (their pages link to each other). Start again without them.
        await pool?.close();
        pool = undefined;
        speculation = undefined;
      }
      reporter.start(jobs.length);
      const { results, failures } = await renderJobs(jobs, {
        store,
        zipSources,
        staleKinds,
        reporter,
        aborted,
        counts,
        pool: (misses) => (pool ??= choosePool(options.workers, misses)),
        stage,
        setup,
        repo,
        speculative: speculation?.results,
      });
      if (failures.size === 0) {
        infos = jobs.flatMap((job) => results.get(job.id)!);
        break;
      }
      for (const [pair, reason] of failures) {
        const [slug, lang] = splitPair(pair);
        skipped.push({ statement: slug, language: lang, reasons: [reason] });
        include.delete(pair);
      }
      const list = [...failures].map(([pair, reason]) => `  ${pair}: ${reason}`).join('\n');
      if (!options.partial) throw new BuildError(`Some languages could not be made, so nothing was published:\n${list}\nFix them, or run with --partial to publish the others.`);
      reporter.notice(`Not publishing:\n${list}`);
    }
  } catch (error) {
    options.signal?.removeEventListener('abort', stop);
    staging?.discard();
    // What was rendered stays in the cache: the next build need not make it again.
    store.finish();
    if (ownPool && pool) await pool.close();
    aborted();
    throw error;
  }
  options.signal?.removeEventListener('abort', stop);
  // The workers stop while this thread bundles and writes (20–30 ms of a rebuild otherwise).
  const closing = ownPool && pool ? pool.close() : undefined;
  closing?.catch(() => {});
  aborted();

  phase('render');
  let files: ArtefactInfo[];
  try {
    files = dedupe(infos);
    if (zipSources) files.push(...bundle(store, zipSources, files, new Set(repo.statements.map((s) => s.slug)), env, { made: stage }));
    const bytes = manifestBytes(files, skipped);
    const manifest = store.put({ path: 'manifest.json', kind: 'manifest', bytes });
    stage(manifest, bytes);
    files.push(manifest);
  } catch (error) {
    staging?.discard();
    store.finish();
    throw error;
  }
  if (skipped.length > 0) reporter.notice(skippedReport(skipped));

  phase('bundle');
  try {
    staging ??= new Staging(cacheDir, distDir);
    const copies = staging.settle(files).filter((info) => !staging!.reuse(info.path, info.sha256));
    await staging.copyAll(copies.map((info) => ({ rel: info.path, from: () => store.read(info) })));
    aborted();
    staging.commit(distDir, new Map(files.map((f) => [f.path, f.sha256])));
  } catch (error) {
    staging?.discard();
    store.finish();
    const code = (error as NodeJS.ErrnoException).code;
    if (code && !(error instanceof BuildError)) throw new BuildError(`Could not write ${distDir} (${code}); the previous dist/ is unchanged. Check that the folder is writable and the disk is not full.`);
    throw error;
  }
  store.finish();
  try {
    store.pruneKept();
    parseCache.prune();
    const whole = !options.statements && !options.langs && OUTPUTS.every((o) => only.includes(o));
    // Every publication of a whole build is a candidate, published or not.
    if (whole) store.forgetLatest(allJobIds(candidates));
    store.finishRun(files.map((f) => f.sha256), whole);
  } catch {
    // tidying only: what is left is pruned next time
  }
  phase('write');
  await closing;
  const result = { artefacts: files, skipped, ...counts, ms: performance.now() - start, check, phases };
  reporter.end({ artefacts: files, built: counts.built, cached: counts.cached, ms: result.ms, dist: path.relative(process.cwd(), distDir) || 'dist' });
  return result;
}

interface RenderContext {
  store: Store;
  /** Gathers what the zips need as artefacts become known. */
  zipSources?: ZipSources;
  staleKinds: Set<string>;
  reporter: Reporter;
  aborted: () => void;
  counts: { built: number; cached: number; stale: number };
  /** Put a file just made into the staging directory (see Staging.stage). */
  stage: (info: ArtefactInfo, bytes: Uint8Array) => void;
  /** The pool, started on first need (its kind depends on the jobs to render). */
  pool: (misses: Job[]) => Pool;
  setup: RunnerSetup;
  repo: Repository;
  /** Results of jobs started before the check, by job key (see earlyPool). */
  speculative?: Map<string, Promise<JobResult>>;
}

/**
 * Answer each job from the cache (or, for `stale` outputs, from the previous build) and render
 * the rest. A failed publication job is returned as a failure of its language; a failed site
 * job or an artefact outside its place stops the build.
 */
async function renderJobs(jobs: Job[], ctx: RenderContext): Promise<{ results: Map<string, ArtefactInfo[]>; failures: Map<string, string> }> {
  const results = new Map<string, ArtefactInfo[]>();
  const failures = new Map<string, string>();
  const misses: Job[] = [];
  for (const job of jobs) {
    const hit = ctx.store.lookup(job.key);
    const old = hit ? undefined : ctx.staleKinds.has(job.kind) ? ctx.store.lookupLatest(job.id) : undefined;
    if (hit || old) {
      results.set(job.id, (hit ?? old)!);
      if (hit) ctx.counts.cached++;
      else ctx.counts.stale++;
      ctx.reporter.done({ id: job.id, ms: 0, cached: true, artefacts: (hit ?? old)! });
    } else misses.push(job);
  }
  if (misses.length === 0) return { results, failures };
  // The cached files' part of the zips, once this thread has started its own jobs.
  ctx.zipSources?.prepareSoon([...results.values()].flat());
  const pool = ctx.pool(misses);
  await pool.setup(ctx.setup, ctx.repo);
  ctx.aborted();
  await Promise.all(
    misses.map(async (job) => {
      const result = await (ctx.speculative?.get(job.key) ?? pool.run(job));
      ctx.aborted();
      if (!result.ok) {
        if (job.kind === 'site') throw new BuildError(`Making the site files (index, feeds, sitemap) failed: ${result.error.message}`);
        failures.set(pairKey(job.slug!, job.lang!), `${JOB_NAMES[job.kind]}: ${result.error.message}`);
        return;
      }
      const stored = result.artefacts.map((a) => ctx.store.put(checked(a, job)));
      stored.forEach((info, i) => ctx.stage(info, result.artefacts[i]!.bytes));
      ctx.zipSources?.prepare(stored, result.artefacts.map((a) => a.bytes));
      ctx.store.record(job.key, stored, job.id);
      results.set(job.id, stored);
      ctx.counts.built++;
      ctx.reporter.done({ id: job.id, ms: result.ms, cached: false, artefacts: stored });
    }),
  );
  return { results, failures };
}

const JOB_NAMES: Record<Job['kind'], string> = { page: 'HTML page', pdf: 'PDFs', images: 'share images', site: 'site files' };

function codeVersions(): Versions['code'] {
  const byModule = new Map<string, string>();
  const version = (entry: string) => byModule.get(entry) ?? byModule.set(entry, codeVersion(entry)).get(entry)!;
  return { page: version(RENDER_MODULES.page), site: version(RENDER_MODULES.site), pdf: version(RENDER_MODULES.pdf), images: version(RENDER_MODULES.images) };
}

function validateScope(options: BuildOptions): void {
  for (const slug of options.statements ?? []) {
    if (!SLUG_PATTERN.test(slug)) throw new BuildError(`“${slug}” is not a statement name: use the file name without .md, e.g. humanitarian-visas.`, EXIT.usage);
  }
  for (const lang of options.langs ?? []) {
    if (!LANGUAGES.some((l) => l.tag === lang)) {
      throw new BuildError(`“${lang}” is not a known language. Known languages: ${LANGUAGES.map((l) => l.tag).join(', ')}.`, EXIT.usage);
    }
  }
}

function choosePool(workers: number | undefined, jobs: Job[]): Pool {
  if (workers !== undefined) return workers > 0 ? threadPool(Math.min(workers, jobs.length)) : localPool();
  const cores = os.availableParallelism();
  if (cores >= WORKER_THRESHOLD.cores && jobs.length >= WORKER_THRESHOLD.jobs) return threadPool(cores);
  const kind = workerKind(jobs);
  const theirs = jobs.filter((j) => j.kind === kind).length;
  // This thread renders too, and may not read a worker's result for a while: send the
  // worker's jobs ahead (one worker on two cores takes them all anyway).
  const threads = Math.min(cores - 1, theirs);
  if (cores >= 2 && theirs > 0 && theirs < jobs.length) {
    return splitPool([kind], threadPool(threads, jobs.length), localPool(4), ['page', 'site']);
  }
  return localPool();
}

/**
 * The kind of job that goes to the worker when this thread renders too. The worker starts on
 * its jobs before the check (see earlyPool), this thread after it, so the worker should take
 * the longest path. In a build of several languages that is the PDFs, the larger part of the
 * work. After an edit to the title of one translation it is that language's share images:
 * loading their exporter takes 0.1–0.15 s, and satori as much when a block's number of lines
 * changed. Alternating title edits, images in the worker against PDFs there: 777 against
 * 860 ms (medians of 10), and in slower spells of the machine 997 against 1009 ms and 1184
 * against 1194 ms (of 10 and 16). Cold builds of seven languages (medians of 6) took 2.01 s
 * with the images in the worker and 1.85 s with the PDFs.
 */
function workerKind(jobs: Job[]): JobKind {
  return jobs.filter((j) => j.kind === 'images').length === 1 ? 'images' : 'pdf';
}

/**
 * The pool for the jobs this build will probably render, started before the check: its
 * workers load their exporters, HarfBuzz and the fonts, and start on their jobs, while this
 * thread checks the content. The guess is that every candidate passes the check, as it does
 * in all but the rarest builds: when it does not, the jobs started early are dropped (see
 * build()). On two cores the worker's jobs are the longest path of a rebuild after one
 * changed translation (see workerKind), so they should not wait for the check. Undefined when
 * nothing is to render, or when the jobs would run in this thread anyway.
 */
function earlyPool(
  workers: number | undefined,
  candidates: Publication[],
  only: Output[],
  versions: Versions,
  repo: Repository,
  store: Store,
  setupFor: (include: string[]) => RunnerSetup,
): { pool: Pool; speculation?: { key: string; results: Map<string, Promise<JobResult>> } } | undefined {
  if (candidates.length === 0) return undefined;
  let misses: Job[];
  try {
    misses = planJobs(candidates, only, versions, repo).filter((job) => !store.lookup(job.key));
  } catch {
    return undefined; // content the check will reject; no guess to make
  }
  if (misses.length === 0) return undefined;
  const pool = choosePool(workers, misses);
  if (!pool.warm) return undefined;
  pool.warm(versions.renderers, [...new Set(misses.map((job) => job.kind))]);
  if (!pool.speculate) return { pool };
  const setup = setupFor(candidates.map((p) => pairKey(p.slug, p.lang.tag)));
  return { pool, speculation: { key: setupKey(setup), results: pool.speculate(setup, misses) } };
}

/** Where exporters keep results between builds: this cache, under everything their output depends on. */
function keepFor(store: Store, versions: Versions): RunnerSetup['keep'] {
  return { dir: store.dir, version: hashParts({ ...versions.code, fonts: versions.fonts, config: versions.config, renderers: versions.renderers }) };
}

/** An exporter's artefact must belong where its job says, and never leave dist/. */
function checked<T extends { path: string }>(artefact: T, job: Job): T {
  assertDistPath(artefact.path);
  if (job.kind !== 'site' && !artefact.path.startsWith(`${job.slug}/${job.lang}/`)) {
    throw new BuildError(`The ${job.kind} exporter for ${job.slug}/${job.lang} wrote “${artefact.path}”, outside ${job.slug}/${job.lang}/.`);
  }
  return artefact;
}

/** Several exporters ship the same licence file: keep one, and refuse two different files at one path. */
function dedupe(infos: ArtefactInfo[]): ArtefactInfo[] {
  const byPath = new Map<string, ArtefactInfo>();
  for (const info of infos) {
    const seen = byPath.get(info.path);
    if (seen && seen.sha256 !== info.sha256) {
      throw new BuildError(`Two exporters made different files at dist/${info.path}; this is a bug in the exporters.`);
    }
    if (!seen) byPath.set(info.path, info);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function splitPair(pair: string): [string, string] {
  const i = pair.indexOf('/');
  return [pair.slice(0, i), pair.slice(i + 1)];
}

function nothingToPublish(skipped: Skipped[]): string {
  if (skipped.length === 0) return 'There is nothing to publish: no statement matches the --statement and --lang you gave.';
  return `Nothing could be published.\n${skippedReport(skipped)}`;
}

export function skippedReport(skipped: Skipped[]): string {
  const lines = ['Not published:'];
  for (const s of skipped) {
    lines.push(`  ${s.statement} (${s.language}):`);
    for (const r of s.reasons.slice(0, 5)) lines.push(`    ${r}`);
    if (s.reasons.length > 5) lines.push(`    … and ${s.reasons.length - 5} more`);
  }
  return lines.join('\n');
}

export type { Repository };
