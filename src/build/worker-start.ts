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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REAL_RENDERERS } from './renderers.js';
import type { JobKind } from './jobs.js';

/** A new worker running worker.ts (compiled: worker.js; from the TypeScript source: through tsx). */
export function startWorker(): Worker {
  return new Worker(workerSource(), { eval: true, stdout: false, stderr: false });
}

/**
 * Node's own modules that a build worker uses (child_process: sharp, for the share images of a
 * title edit), loaded by the early worker before the V8 flags are set (see startEarlyPdfWorker).
 */
const NODE_MODULES = ['fs', 'fs/promises', 'path', 'url', 'crypto', 'module', 'vm', 'v8', 'os', 'util', 'zlib', 'perf_hooks', 'child_process'];

/**
 * The early worker: it loads Node's modules, says so, and waits at `gate` until the command
 * has set its V8 flags, before it runs worker.ts. It waits on the gate, not for a message, so
 * that the messages sent meanwhile stay queued for worker.ts.
 */
function gatedWorkerSource(): string {
  return (
    `const { parentPort, workerData } = require('node:worker_threads');` +
    `for (const name of ${JSON.stringify(NODE_MODULES)}) require('node:' + name);` +
    `parentPort.postMessage({ type: 'booted' });` +
    // Never for long: the command opens the gate before it builds, or the process ends.
    `Atomics.wait(new Int32Array(workerData.gate), 0, 0, 10000);` +
    workerSource()
  );
}

/**
 * The worker source. Compiled (started through src/cli/launch.js) the worker is worker.js next
 * to this code; run from TypeScript it registers tsx first, since a worker does not inherit
 * the parent's loader hooks.
 */
function workerSource(): string {
  if (import.meta.url.endsWith('.cjs')) {
    const bundle = fileURLToPath(import.meta.url);
    // As launch.js runs it, with a code cache of the worker's own: a worker loads it once the
    // command has set its V8 flags, and V8 takes a cache only with the flags it was made with.
    return `const build = require(${JSON.stringify(path.join(path.dirname(bundle), 'code-cache.cjs'))}).run(${JSON.stringify(bundle)}); build.exports.runWorkerThread(build.saveCache);`;
  }
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
 *
 * `setFlags` sets the command's V8 flags (see ONE_SHOT_V8_FLAGS in launch.js), once the
 * worker has started, or when the returned function is called, whichever comes first; that
 * function also lets the worker go on. Why: V8 checks a code cache against its flags, so
 * with the flags set, Node's own modules no longer come from the code cache built into Node
 * and are compiled from their source. A worker started after the flags took 116–124 ms to
 * start, one started before them 46–50 ms (measured with these flags, alone).
 */
export function startEarlyPdfWorker(argv: string[], setFlags: () => void = () => {}): () => void {
  let flagsSet = false;
  let gate: Int32Array | undefined;
  const release = () => {
    if (!flagsSet) setFlags();
    flagsSet = true;
    if (gate) {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    }
  };
  if (early || os.availableParallelism() < 2) return release;
  if (argv.some((a) => a === '--help' || a === '-h' || a.startsWith('--workers'))) return release;
  const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1] ?? ''] : a.startsWith('--only=') ? [a.slice(7)] : []));
  if (only.length > 0 && !only.some((o) => o.split(',').map((s) => s.trim()).includes('pdf'))) return release;
  const shared = new SharedArrayBuffer(4);
  gate = new Int32Array(shared);
  const worker = new Worker(gatedWorkerSource(), { eval: true, stdout: false, stderr: false, workerData: { gate: shared } });
  worker.once('message', release); // booted
  const state = { worker, alive: true };
  // Until a pool adopts it, a failure only means the pool starts a worker of its own.
  const dead = () => (state.alive = false);
  worker.once('error', dead);
  worker.once('exit', dead);
  worker.unref();
  worker.postMessage({ type: 'warm', renderers: REAL_RENDERERS, kinds: ['pdf'] satisfies JobKind[] });
  early = state;
  return release;
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
