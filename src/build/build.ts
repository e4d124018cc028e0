/**
 * `build()`: check, render what changed, bundle, and swap the result into dist/.
 *
 *  1. load statements/ and translations/ and check them; languages with errors are not
 *     published (the build stops with the report, or with `partial` leaves them out);
 *  2. plan one job per publication and kind of output (jobs.ts); answer unchanged jobs from
 *     the cache and render the rest on worker threads;
 *  3. a language whose exporter fails (e.g. a quote too long for the share card) is left out
 *     the same way, and the pages of the other languages are planned again without it;
 *  4. make the release zips and the manifest;
 *  5. copy everything into a fresh folder and swap it in as dist/ (dist.ts).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadRepository, SLUG_PATTERN, type Repository } from '../content/repository.js';
import { publications, translator, type Artefact, type Publication } from '../publication.js';
import { bundleReadme, offlinePage, README_FILE } from '../export/html/bundle-readme.js';
import { LANGUAGES } from '../languages.js';
import { BuildError, EXIT } from './errors.js';
import { assertDistPath } from './paths.js';
import { configVersion, hashParts, sha256, thisCodeVersion } from './hash.js';
import { OUTPUTS, pairKey, planJobs, type Job, type Output, type Versions } from './jobs.js';
import { inProcessPool, workerPool, type Pool } from './pool.js';
import { portableRepository, type RunSetup } from './run.js';
import { Cache } from './cache.js';
import { recover, writeDist } from './dist.js';
import { manifestBytes, type ArtefactInfo, type Skipped } from './manifest.js';
import { makeZip, planZips, zipTime } from './zips.js';
import { silentReporter, type Reporter } from './progress.js';
import { realChecker, type Checker, type CheckOutcome } from './check.js';

export interface BuildOptions {
  /** The repository: statements/, translations/; dist/ and .cache/ are written here. */
  root: string;
  statements?: string[];
  langs?: string[];
  only?: Output[];
  /** Publish the complete languages even when others have errors. */
  partial?: boolean;
  /** Worker threads; 0 renders in this thread; default: one per core. */
  workers?: number;
  /** A pool to reuse across builds (the dev server keeps its exporters loaded). */
  pool?: Pool;
  /** URL of a renderers module (tests pass stand-ins). */
  renderers?: string;
  checker?: Checker;
  reporter?: Reporter;
  signal?: AbortSignal;
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
  ms: number;
  check: CheckOutcome;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const start = performance.now();
  const root = path.resolve(options.root);
  const distDir = path.join(root, 'dist');
  const cacheDir = path.join(root, '.cache');
  const reporter = options.reporter ?? silentReporter;
  const only = options.only ?? OUTPUTS;
  const aborted = () => {
    if (options.signal?.aborted) throw new BuildError('The build was interrupted; dist/ was left as it was.', EXIT.SIGINT);
  };

  validateScope(options);
  if (!fs.existsSync(path.join(root, 'statements'))) {
    throw new BuildError(`There is no statements/ folder in ${root}. Run the build from the project folder, or pass --root.`);
  }
  recover(cacheDir, distDir);
  const repo = loadRepository(root);
  for (const slug of options.statements ?? []) {
    if (!repo.statements.some((s) => s.slug === slug)) throw new BuildError(`There is no statement “${slug}” (statements/${slug}.md).`, EXIT.usage);
  }
  const inScope = (slug: string, lang: string) => (!options.statements || options.statements.includes(slug)) && (!options.langs || options.langs.includes(lang));
  const candidates = publications(repo, (slug, lang) => inScope(slug, lang.tag));
  const cache = new Cache(cacheDir);
  const code = thisCodeVersion();
  const versions: Versions = { code, config: configVersion(options.env), renderers: options.renderers ?? '' };
  const memoVersion = hashParts(versions);

  // Workers start now, loading their exporters while this thread checks the content.
  let pool = options.pool ?? startPool(options, misses(candidates, only, versions, repo, cache));
  const ownPool = !options.pool;
  const stop = () => void pool?.close();
  options.signal?.addEventListener('abort', stop);
  const counts = { built: 0, cached: 0 };
  try {
    const checker = options.checker ?? realChecker;
    const check = await checker(repo, { langs: options.langs, statements: options.statements, cache: { cache, version: code } });
    aborted();
    const skipped: Skipped[] = candidates
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
    let infos: ArtefactInfo[];
    // Repeat while exporters fail for some language: the others' pages must not link to it.
    for (;;) {
      const pubs = publications(repo, (slug, lang) => include.has(pairKey(slug, lang.tag)));
      if (pubs.length === 0) throw new BuildError(nothingToPublish(skipped));
      const jobs = planJobs(pubs, only, versions, repo);
      const setup: RunSetup = { repository: portableRepository(repo), include: [...include], renderers: options.renderers, cache: { dir: cacheDir, version: memoVersion } };
      reporter.start(jobs.length);
      pool ??= inProcessPool();
      const { results, failures } = await runJobs(jobs, { cache, pool, setup, reporter, aborted, counts });
      if (failures.size === 0) {
        infos = jobs.flatMap((job) => results.get(job.id)!);
        break;
      }
      for (const [pair, reason] of failures) {
        const [slug, lang] = [pair.slice(0, pair.indexOf('/')), pair.slice(pair.indexOf('/') + 1)];
        skipped.push({ statement: slug, language: lang, reasons: [reason] });
        include.delete(pair);
      }
      const list = [...failures].map(([pair, reason]) => `  ${pair}: ${reason}`).join('\n');
      if (!options.partial) throw new BuildError(`Some languages could not be made, so nothing was published:\n${list}\nFix them, or run with --partial to publish the others.`);
      reporter.notice(`Not publishing:\n${list}`);
    }
    aborted();

    const files = dedupe(infos);
    if (options.zips !== false) files.push(...(await zips(cache, files, repo, options.env, code)));
    files.push(put(cache, { path: 'manifest.json', kind: 'manifest', bytes: manifestBytes(files, skipped) }));
    if (skipped.length > 0) reporter.notice(skippedReport(skipped));
    try {
      writeDist(cacheDir, distDir, files.map((f) => ({ ...f, from: cache.objectPath(f.sha256) })), aborted);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && !(error instanceof BuildError)) throw new BuildError(`Could not write ${distDir} (${code}); the previous dist/ is unchanged. Check that the folder is writable and the disk is not full.`);
      throw error;
    }
    try {
      cache.prune(new Set(files.map((f) => f.sha256)));
    } catch {
      // tidying only: what is left is pruned next time
    }
    const result = { artefacts: files, skipped, ...counts, ms: performance.now() - start, check };
    reporter.end({ artefacts: files, built: counts.built, cached: counts.cached, ms: result.ms, dist: path.relative(process.cwd(), distDir) || 'dist' });
    return result;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (ownPool) await pool?.close();
  }
}

/** The jobs of these publications that the cache cannot answer (none when the content is broken: the check says why). */
function misses(pubs: Publication[], only: Output[], versions: Versions, repo: Repository, cache: Cache): Job[] {
  try {
    return planJobs(pubs, only, versions, repo).filter((job) => !lookup(cache, job.key));
  } catch {
    return [];
  }
}

function startPool(options: BuildOptions, jobs: Job[]): Pool | undefined {
  if (jobs.length === 0) return undefined;
  const size = Math.min(options.workers ?? os.availableParallelism(), jobs.length);
  if (size === 0) return inProcessPool();
  const load = [...new Set(jobs.map((j) => j.kind))] as string[];
  return workerPool(size, { renderers: options.renderers, load });
}

interface RunContext {
  cache: Cache;
  pool: Pool;
  setup: RunSetup;
  reporter: Reporter;
  aborted: () => void;
  counts: { built: number; cached: number };
}

/**
 * Answer each job from the cache and render the rest. A failed publication job is returned
 * as a failure of its language; a failed site job or an artefact outside its place stops the build.
 */
async function runJobs(jobs: Job[], ctx: RunContext): Promise<{ results: Map<string, ArtefactInfo[]>; failures: Map<string, string> }> {
  const results = new Map<string, ArtefactInfo[]>();
  const failures = new Map<string, string>();
  await Promise.all(
    jobs.map(async (job) => {
      const hit = lookup(ctx.cache, job.key);
      if (hit) {
        results.set(job.id, hit);
        ctx.counts.cached++;
        ctx.reporter.done({ id: job.id, ms: 0, cached: true, artefacts: hit });
        return;
      }
      const result = await ctx.pool.run(job, ctx.setup);
      ctx.aborted();
      if (!result.ok) {
        if (job.kind === 'site') throw new BuildError(`Making the ${job.name} failed: ${result.error}`);
        failures.set(pairKey(job.slug!, job.lang!), `${job.name}: ${result.error}`);
        return;
      }
      const stored = result.artefacts.map((a) => put(ctx.cache, checked(a, job)));
      ctx.cache.set(job.key, stored);
      results.set(job.id, stored);
      ctx.counts.built++;
      ctx.reporter.done({ id: job.id, ms: result.ms, cached: false, artefacts: stored });
    }),
  );
  return { results, failures };
}

/** What a job made, when every one of its files is in the cache whole. */
function lookup(cache: Cache, key: string): ArtefactInfo[] | undefined {
  const infos = cache.get<ArtefactInfo[]>(key);
  return Array.isArray(infos) && infos.every((i) => cache.hasObject(i.sha256, i.size)) ? infos : undefined;
}

function put(cache: Cache, artefact: Artefact): ArtefactInfo {
  const { bytes, ...meta } = artefact;
  return { ...meta, sha256: cache.putObject(bytes), size: bytes.length };
}

/** The release zips, each from the cache when its entries are unchanged. */
async function zips(cache: Cache, files: ArtefactInfo[], repo: Repository, env: NodeJS.ProcessEnv | undefined, code: string): Promise<ArtefactInfo[]> {
  const mtime = zipTime(env);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const read = new Map<string, Uint8Array>();
  const bytes = (info: ArtefactInfo) => read.get(info.sha256) ?? read.set(info.sha256, cache.readObject(info.sha256)!).get(info.sha256)!;
  const infos: ArtefactInfo[] = [];
  for (const plan of planZips(files.map((f) => f.path), new Set(repo.statements.map((s) => s.slug)))) {
    const langs = repo.languages.filter((l) => (plan.lang ? l.tag === plan.lang : files.some((f) => f.path.startsWith(`${plan.slug}/${l.tag}/`))));
    const readme = new TextEncoder().encode(bundleReadme(langs.map((lang) => ({ lang, t: translator(repo, lang) })), plan.entry));
    const entries = plan.entries.map((p) => ({ path: p, info: byPath.get(p)! }));
    const key = hashParts({ kind: 'zip', path: plan.path, code, mtime: String(mtime.getTime()), readme: sha256(readme), entries: entries.map((e) => `${e.path}=${e.info.sha256}`).join('\n') });
    const hit = lookup(cache, key);
    if (hit) {
      infos.push(hit[0]!);
      continue;
    }
    const inside = new Set(plan.entries);
    const offline = (e: { path: string; info: ArtefactInfo }) =>
      e.path.endsWith('.html') ? new TextEncoder().encode(offlinePage(new TextDecoder().decode(bytes(e.info)), e.path, inside)) : bytes(e.info);
    const zip = await makeZip([{ path: README_FILE, bytes: readme }, ...entries.map((e) => ({ path: e.path, bytes: offline(e) }))], mtime);
    const info = put(cache, { path: plan.path, bytes: zip, kind: 'zip', slug: plan.slug, lang: plan.lang });
    cache.set(key, [info]);
    infos.push(info);
  }
  return infos;
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
