/**
 * Starting build worker threads, and starting one early.
 *
 * A worker thread takes about 0.3 s on two cores before it can render: Node starts it and it
 * loads the worker's code (0.14 s), then the PDF exporter, HarfBuzz and the fonts (0.15 s).
 * After one edit that is the longest path of the build. `npm run build` therefore starts its
 * PDF worker as the command starts, before it loads its own code, the content and the check;
 * the pool adopts that worker when it wants one. A build that turns out to need no worker
 * never adopts it, and the worker, not holding the process open, ends with it.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { REAL_RENDERERS } from './renderers.js';
import type { JobKind } from './jobs.js';

/** A new worker running worker.ts (compiled: worker.js; from the TypeScript source: through tsx). */
export function startWorker(): Worker {
  return new Worker(workerSource(), { eval: true, stdout: false, stderr: false });
}

/**
 * The worker source. Compiled (started through src/cli/launch.js) the worker is worker.js next
 * to this code; run from TypeScript it registers tsx first, since a worker does not inherit
 * the parent's loader hooks.
 */
function workerSource(): string {
  if (import.meta.url.endsWith('.js')) return `import(${JSON.stringify(new URL('./worker.js', import.meta.url).href)});`;
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

let early: { worker: Worker; alive: boolean } | undefined;

/**
 * For `npm run build` with these arguments: start a worker and have it load the PDF exporter,
 * when the build would give the PDFs to a worker (see choosePool in build.ts): two or more
 * cores, PDFs asked for, no --workers chosen, not --help. A wrong flag stops the command
 * before any pool adopts the worker, and the worker ends with the process. (After an edit to
 * one title the worker takes that language's share images instead, see workerKind, and has
 * loaded the PDF exporter for nothing, on the core this thread does not use; that was
 * measured in the title edits that workerKind quotes.)
 */
export function startEarlyPdfWorker(argv: string[]): void {
  if (early || os.availableParallelism() < 2) return;
  if (argv.some((a) => a === '--help' || a === '-h' || a.startsWith('--workers'))) return;
  const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1] ?? ''] : a.startsWith('--only=') ? [a.slice(7)] : []));
  if (only.length > 0 && !only.some((o) => o.split(',').map((s) => s.trim()).includes('pdf'))) return;
  const worker = startWorker();
  const state = { worker, alive: true };
  // Until a pool adopts it, a failure only means the pool starts a worker of its own.
  const dead = () => (state.alive = false);
  worker.once('error', dead);
  worker.once('exit', dead);
  worker.unref();
  worker.postMessage({ type: 'warm', renderers: REAL_RENDERERS, kinds: ['pdf'] satisfies JobKind[] });
  early = state;
}

/** The early worker, if one was started and still runs; each caller after the first gets none. */
export function takeEarlyWorker(): Worker | undefined {
  const state = early;
  early = undefined;
  if (!state?.alive) return undefined;
  state.worker.removeAllListeners('error');
  state.worker.removeAllListeners('exit');
  state.worker.ref();
  return state.worker;
}
