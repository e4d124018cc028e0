/**
 * A build worker thread: receives a setup, then jobs, one message each, and answers every job
 * with its result, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRunner, loadRenderers, type JobResult, type Runner, type RunSetup } from './run.js';
import type { Job } from './jobs.js';

type Message = { type: 'setup'; setup: RunSetup } | { type: 'job'; job: Job };

// Load the exporters the build will ask for while the main thread checks the content.
const { renderers, load } = (workerData ?? {}) as { renderers?: string; load?: string[] };
if (load?.length) void loadRenderers(renderers).then((r) => r.warm?.(load)).catch(() => {});

let runner: Promise<Runner> | undefined;
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: Message) => {
  queue = queue.then(async () => {
    if (message.type === 'setup') {
      runner = createRunner(message.setup);
      runner.catch(() => {}); // answered with the next job
      return;
    }
    let result: JobResult;
    try {
      result = await (await runner!)(message.job);
    } catch (error) {
      result = { id: message.job.id, ok: false, error: (error as Error).message, ms: 0 };
    }
    parentPort!.postMessage(result);
  });
});
