/**
 * What the build prints: one line per finished artefact with its time, a final summary,
 * and on a terminal a progress bar on stderr. In CI (or when piped) plain lines only;
 * `--quiet` prints only problems.
 */
import type { ArtefactInfo } from './manifest.js';

export interface JobDone {
  id: string;
  ms: number;
  cached: boolean;
  artefacts: ArtefactInfo[];
}

export interface Summary {
  artefacts: ArtefactInfo[];
  built: number;
  cached: number;
  ms: number;
  dist: string;
}

export interface Reporter {
  /** A message a person must see (check report, skipped languages), even with --quiet. */
  notice(text: string): void;
  start(jobs: number): void;
  done(job: JobDone): void;
  end(summary: Summary): void;
}

export const silentReporter: Reporter = { notice() {}, start() {}, done() {}, end() {} };

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export interface ConsoleOptions {
  quiet?: boolean;
  /** Draw a progress bar (a terminal, not CI). */
  bar?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

export function consoleReporter(options: ConsoleOptions = {}): Reporter {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  let total = 0;
  let finished = 0;
  let cachedFiles = 0;
  let started = 0;
  let barShown = false;

  const clearBar = () => {
    if (barShown) err.write('\r\x1b[2K');
    barShown = false;
  };
  const drawBar = () => {
    if (!options.bar || options.quiet || total === 0) return;
    const width = 30;
    const filled = Math.round((finished / total) * width);
    err.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${finished}/${total} ${formatMs(performance.now() - started)}`);
    barShown = true;
  };
  const line = (text: string) => {
    clearBar();
    out.write(`${text}\n`);
    drawBar();
  };

  return {
    notice(text) {
      clearBar();
      err.write(`${text}\n`);
      drawBar();
    },
    start(jobs) {
      total += jobs;
      started ||= performance.now();
      drawBar();
    },
    done(job) {
      finished++;
      if (job.cached) cachedFiles += job.artefacts.length;
      else if (!options.quiet) {
        for (const a of job.artefacts) line(`  ${a.path}  ${formatBytes(a.size)}  ${formatMs(job.ms)}`);
      }
      drawBar();
    },
    end(summary) {
      clearBar();
      if (options.quiet) return;
      if (cachedFiles > 0) out.write(`  ${cachedFiles} unchanged artefacts taken from the cache\n`);
      const byKind = new Map<string, { count: number; bytes: number }>();
      for (const a of summary.artefacts) {
        const k = byKind.get(a.kind) ?? { count: 0, bytes: 0 };
        k.count++;
        k.bytes += a.size;
        byKind.set(a.kind, k);
      }
      const kinds = [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, k]) => `${k.count} ${kind} (${formatBytes(k.bytes)})`);
      const bytes = summary.artefacts.reduce((n, a) => n + a.size, 0);
      out.write(
        `Published ${summary.artefacts.length} files, ${formatBytes(bytes)}, to ${summary.dist} in ${formatMs(summary.ms)}` +
          ` (${summary.built} jobs rendered, ${summary.cached} from cache).\n  ${kinds.join(', ')}\n`,
      );
    },
  };
}
