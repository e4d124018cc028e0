/**
 * A build worker thread: may be asked to warm up (load exporters) first, then receives a
 * setup, then jobs one at a time, and posts results.
 * Started by pool.ts: compiled, as worker.js beside the other compiled code; from the
 * TypeScript source, through a small bootstrap that registers tsx first.
 */
import { parentPort } from 'node:worker_threads';
import { createRunner, renderersAt, type Runner, type RunnerSetup } from './runner.js';
import type { Job, JobKind } from './jobs.js';

type Message =
  | { type: 'warm'; renderers: string; kinds: JobKind[] }
  | { type: 'setup'; setup: RunnerSetup }
  | { type: 'job'; job: Job };

let runner: Promise<Runner> | undefined;
let afterLoad = () => {};

/**
 * Call `fn` once the worker has loaded the exporters it will use: after it warmed up, or else
 * after its first job (the compiled build saves the worker's code cache then, see cli/build.ts).
 */
export function whenLoaded(fn: () => void): void {
  afterLoad = fn;
}

/** The jobs received so far, run one after another. */
let jobs: Promise<void> = Promise.resolve();

parentPort!.on('message', async (message: Message) => {
  if (message.type === 'warm') {
    // Best effort: a module that fails to load fails again, with its message, at setup.
    await renderersAt(message.renderers).then((r) => r.warm?.(message.kinds)).catch(() => {});
    afterLoad();
    return;
  }
  if (message.type === 'setup') {
    runner = createRunner(message.setup);
    try {
      await runner;
      parentPort!.postMessage({ type: 'ready' });
    } catch (error) {
      parentPort!.postMessage({ type: 'setup-failed', message: (error as Error).message });
    }
    return;
  }
  // Jobs arrive ahead of time (see threadPool): run them one after another, in order.
  const job = message.job;
  jobs = jobs.then(async () => {
    // Jobs come right behind the setup; after a failed one, that failure is the answer.
    const ready = await runner!.catch(() => undefined);
    if (!ready) return;
    const result = await ready.run(job);
    parentPort!.postMessage({ type: 'result', result });
    afterLoad();
  });
});
