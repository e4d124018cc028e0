/**
 * Where jobs run: worker threads taking the next job as they become free, or this thread.
 * Both take the same setup and jobs and give the same results.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRunner, type JobResult, type Runner, type RunSetup } from './run.js';
import type { Job } from './jobs.js';

export interface Pool {
  run(job: Job, setup: RunSetup): Promise<JobResult>;
  close(): Promise<void>;
}

/** Runs jobs in this thread, one at a time; the exporters stay loaded between builds (the dev server). */
export function inProcessPool(): Pool {
  let current: { setup: RunSetup; runner: Promise<Runner> } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(job, setup) {
      if (current?.setup !== setup) current = { setup, runner: createRunner(setup) };
      const runner = current.runner;
      const result = queue.then(async () => (await runner)(job));
      queue = result.catch(() => {});
      return result;
    },
    async close() {},
  };
}

interface Pending {
  job: Job;
  setup: RunSetup;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

/**
 * `size` worker threads, started at once; they load the exporters for `load` while the
 * build goes on. Each worker gets one job at a time; the next waiting job goes to whichever
 * worker is free first.
 */
export function workerPool(size: number, options: { renderers?: string; load?: string[] } = {}): Pool {
  const queue: Pending[] = [];
  const idle: Slot[] = [];
  let failure: Error | undefined;
  let closing = false;

  interface Slot {
    worker: Worker;
    setup?: RunSetup;
    current?: Pending;
  }

  const fail = (error: Error) => {
    failure ??= error;
    for (const slot of slots) slot.current?.reject(error);
    for (const item of queue.splice(0)) item.reject(error);
  };

  const next = (slot: Slot) => {
    slot.current = queue.shift();
    if (!slot.current) return void idle.push(slot);
    if (slot.setup !== slot.current.setup) {
      slot.setup = slot.current.setup;
      slot.worker.postMessage({ type: 'setup', setup: slot.setup });
    }
    slot.worker.postMessage({ type: 'job', job: slot.current.job });
  };

  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: startWorker(options) };
    slot.worker.on('message', (result: JobResult) => {
      const done = slot.current;
      slot.current = undefined;
      done?.resolve(result);
      next(slot);
    });
    slot.worker.on('error', (error) => fail(new Error(`a build worker failed: ${error.message}`)));
    slot.worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a build worker stopped unexpectedly (exit code ${code})`));
    });
    idle.push(slot);
    return slot;
  });

  return {
    run(job, setup) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ job, setup, resolve, reject });
        const slot = idle.shift();
        if (slot) next(slot);
      });
    },
    async close() {
      closing = true;
      fail(new Error('the build was stopped'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** A worker running worker.ts: compiled, worker.js beside this code; from the TypeScript source, through tsx. */
function startWorker(workerData: { renderers?: string; load?: string[] }): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(path.join(path.dirname(here), 'worker.js'), { workerData });
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { eval: true, workerData });
}
