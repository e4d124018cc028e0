/**
 * Where jobs run: in worker threads (one per core) or in this process. Both take the same
 * setup and jobs and give the same results; the build picks one by the amount of work.
 */
import type { Worker } from 'node:worker_threads';
import type { Repository } from '../content/repository.js';
import { createRunner, type JobResult, type Runner, type RunnerSetup } from './runner.js';
import type { Job, JobKind } from './jobs.js';
import { BuildError } from './errors.js';
import { startWorker, takeEarlyWorker } from './worker-start.js';

export interface Pool {
  readonly size: number;
  /**
   * Start loading the renderers for these kinds of job, where that runs beside this thread
   * (worker threads), before setup() can be called. Optional and best effort.
   */
  warm?(renderers: string, kinds: JobKind[]): void;
  /**
   * Before the check has run: set the workers up and start the jobs they would take, on the
   * guess that the check passes. Returns those jobs' results by job key. A later setup() with
   * the same setup keeps them; with another, the pool must be closed instead. Optional.
   */
  speculate?(setup: RunnerSetup, jobs: Job[]): Map<string, Promise<JobResult>>;
  /** (Re)load the repository and renderers for a set of publications. */
  setup(setup: RunnerSetup, repo?: Repository): Promise<void>;
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * Runs jobs in this thread, `concurrency` at a time. Rendering is mostly CPU-bound JavaScript,
 * but the share images wait on sharp (libvips renders and encodes on its own threads): with
 * two jobs in flight, one's JavaScript runs while the other's image is encoded. Renderers
 * stay loaded between builds.
 */
export function localPool(concurrency = 2): Pool {
  let runner: Runner | undefined;
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    active--;
    queue.shift()?.();
  };
  return {
    size: 1,
    async setup(setup, repo) {
      runner = await createRunner(setup, repo);
    },
    async run(job) {
      if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
      active++;
      try {
        return await runner!.run(job);
      } finally {
        release();
      }
    },
    async close() {},
  };
}

/**
 * Jobs of some kinds on worker threads, the rest in this thread: a worker typesets the PDFs
 * while this thread makes the share images, for example, and each of these exporters is
 * loaded by one thread only. Jobs of the `shared` kinds (pages and site files:
 * quick, and their exporter quick to load) go to whichever side has none of its own jobs left,
 * so that neither waits for the other at the end: in a cold build on two cores, the worker sat
 * idle for the last 0.8 s while this thread made the pages. Jobs for this thread start at
 * once; the workers' wait until they are set up.
 */
export function splitPool(workerKinds: JobKind[], workers: Pool, local: Pool = localPool(4), shared: JobKind[] = []): Pool {
  let ready: Promise<void> = Promise.resolve();
  let workerSetup: string | undefined;
  let speculated = false;
  const setUpWorkers = (setup: RunnerSetup) => {
    const key = setupKey(setup);
    if (key === workerSetup) return;
    if (workerSetup !== undefined && speculated) throw new Error('splitPool: jobs were started for another setup; close this pool');
    workerSetup = key;
    ready = workers.setup(setup);
    ready.catch(() => {}); // the worker's jobs report it
  };
  const sides = {
    // Two shared jobs at a time on the workers: this thread, busy rendering, may read a
    // worker's result late, and the next job should be there already (see threadPool).
    // A job goes to the workers at once, behind their setup, not once they have answered it:
    // this thread may not read their answer for hundreds of milliseconds (it renders too, and
    // the compiled build loads its exporters without leaving the event loop), and meanwhile
    // the workers would sit idle. A failed setup fails the job.
    workers: { own: 0, running: 0, limit: 2, run: (job: Job) => sentAhead(workers.run(job)) },
    // Three in this thread: a page spends much of its time waiting for Brotli (its web fonts,
    // on libuv's threads). Alternating cold builds, medians: 2.46 against 2.51 s, 2.37 against 2.45 s with one.
    local: { own: 0, running: 0, limit: 3, run: (job: Job) => local.run(job) },
  };
  type Side = (typeof sides)[keyof typeof sides];

  function sentAhead(result: Promise<JobResult>): Promise<JobResult> {
    result.catch(() => {}); // when the setup failed, that is the job's failure
    return ready.then(() => result);
  }
  const waiting: Pending[] = [];
  let scheduled = false;

  /** After the current burst of run() calls, so that every side's own jobs are counted first. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      for (const side of [sides.local, sides.workers]) {
        while (waiting.length > 0 && side.own === 0 && side.running < side.limit) start(side, waiting.shift()!);
      }
    });
  }

  function start(side: Side, item: Pending): void {
    side.running++;
    side.run(item.job).then(item.resolve, item.reject).finally(() => {
      side.running--;
      schedule();
    });
  }

  async function own(side: Side, job: Job): Promise<JobResult> {
    side.own++;
    try {
      return await side.run(job);
    } finally {
      side.own--;
      schedule();
    }
  }

  return {
    size: local.size + workers.size,
    warm(renderers, kinds) {
      const theirs = kinds.filter((k) => workerKinds.includes(k));
      if (theirs.length > 0) workers.warm?.(renderers, theirs);
    },
    speculate(setup, jobs) {
      setUpWorkers(setup);
      speculated = true;
      const results = new Map<string, Promise<JobResult>>();
      for (const job of jobs.filter((j) => workerKinds.includes(j.kind))) {
        const result = own(sides.workers, job);
        result.catch(() => {}); // reported to whoever asks for it; unasked when the check fails
        results.set(job.key, result);
      }
      return results;
    },
    async setup(setup, repo) {
      setUpWorkers(setup);
      await local.setup(setup, repo);
    },
    run(job) {
      if (shared.includes(job.kind)) {
        return new Promise((resolve, reject) => {
          waiting.push({ job, resolve, reject });
          schedule();
        });
      }
      return own(workerKinds.includes(job.kind) ? sides.workers : sides.local, job);
    },
    async close() {
      for (const item of waiting.splice(0)) item.reject(new Error('the build was stopped'));
      await Promise.all([local.close(), workers.close()]);
    },
  };
}

/** What makes two setups the same for a runner (the repository is fixed by its digest). */
export function setupKey(setup: RunnerSetup): string {
  return [setup.root, setup.renderers, setup.digest, [...setup.include].sort().join(','), setup.keep?.version ?? ''].join('\0');
}

interface Pending {
  job: Job;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker and not yet answered, by job id (it runs them in order). */
  sent: Map<string, Pending>;
}

/**
 * `size` worker threads. Each worker is sent up to `depth` jobs ahead, so that it goes on to
 * its next job without waiting for this thread: when this thread renders too (splitPool), it
 * may not read a worker's result for hundreds of milliseconds, and a worker that waits for
 * its next job meanwhile sits idle (in a cold build on two cores, the PDF worker waited 0.9 s
 * in all). More jobs ahead, less balance between workers: two by default.
 */
export function threadPool(size: number, depth = 2): Pool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let closed = false;
  let failure: Error | undefined;

  function fail(error: Error): void {
    failure ??= error;
    for (const slot of slots) for (const item of slot.sent.values()) item.reject(error);
    for (const slot of slots) slot.sent.clear();
    for (const item of queue.splice(0)) item.reject(error);
  }

  /** The worker with the fewest jobs sent, if one has room for another. */
  function leastLoaded(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of slots) if (slot.sent.size < depth && (!best || slot.sent.size < best.sent.size)) best = slot;
    return best;
  }

  function pump(): void {
    // One job at a time to the least loaded worker, so jobs spread before they pile up.
    for (let slot = leastLoaded(); slot && queue.length > 0; slot = leastLoaded()) {
      const item = queue.shift()!;
      slot.sent.set(item.job.id, item);
      slot.worker.postMessage({ type: 'job', job: item.job });
    }
  }

  function spawn(): Slot {
    // The worker `npm run build` started as it started, when there is one (worker-start.ts).
    const worker = takeEarlyWorker() ?? startWorker();
    const slot: Slot = { worker, sent: new Map() };
    worker.on('message', (message: { type: string; result?: JobResult }) => {
      const item = message.type === 'result' ? slot.sent.get(message.result!.id) : undefined;
      if (!item) return;
      slot.sent.delete(message.result!.id);
      item.resolve(message.result!);
      pump();
    });
    worker.on('error', (error) => fail(new Error(`a build worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`a build worker stopped unexpectedly (exit code ${code})`));
    });
    return slot;
  }

  return {
    size,
    warm(renderers, kinds) {
      while (slots.length < size) slots.push(spawn());
      for (const slot of slots) slot.worker.postMessage({ type: 'warm', renderers, kinds });
    },
    async setup(setup) {
      while (slots.length < size) slots.push(spawn());
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve, reject) => {
              const onMessage = (message: { type: string; message?: string }) => {
                if (message.type === 'ready') resolve();
                else if (message.type === 'setup-failed') reject(new BuildError(message.message!));
                else return;
                slot.worker.off('message', onMessage);
              };
              slot.worker.on('message', onMessage);
              slot.worker.once('error', reject);
              slot.worker.postMessage({ type: 'setup', setup });
            }),
        ),
      );
    },
    run(job) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      fail(new Error('the build was stopped'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
