/**
 * The early worker of `npm run build` (worker-start.ts): the command's V8 flags are set once
 * it has started, and the messages sent to it while it waits for them reach worker.ts.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { startEarlyPdfWorker, takeEarlyWorker } from '../../src/build/worker-start.js';

describe.skipIf(os.availableParallelism() < 2)('the early worker', () => {
  it('has the flags set once it has started, then runs worker.ts with the messages sent meanwhile', async () => {
    const started = performance.now();
    let flagsSet = 0;
    // A stand-in for setting V8 flags: this test must not change the flags of the test process.
    const ready = startEarlyPdfWorker([], () => flagsSet++);
    const worker = takeEarlyWorker()!;
    expect(worker).toBeDefined();
    try {
      // Sent before the worker has started: it must not be lost while the worker waits.
      const reply = new Promise<{ type: string }>((resolve) => {
        worker.on('message', (message: { type: string }) => {
          if (message.type !== 'booted') resolve(message);
        });
      });
      worker.postMessage({ type: 'setup', setup: { renderers: 'file:///no/such/renderers.js' } });
      // A job sent right behind the setup (see splitPool): after the failed setup, it is let be.
      const errors: Error[] = [];
      worker.on('error', (error) => errors.push(error));
      worker.postMessage({ type: 'job', job: { id: 'a/pdf', kind: 'pdf', key: 'a/pdf' } });
      await expect.poll(() => flagsSet, { timeout: 10_000 }).toBe(1);
      expect((await reply).type).toBe('setup-failed');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).toEqual([]);
      // Well before the worker's own limit on waiting (10 s): the flags let it go on.
      expect(performance.now() - started).toBeLessThan(9_000);
      ready(); // the command calls it too before it builds: the flags are set only once
      expect(flagsSet).toBe(1);
    } finally {
      await worker.terminate();
    }
  }, 30_000);

  it('sets the flags when the command goes on first, without an early worker', () => {
    let flagsSet = 0;
    const ready = startEarlyPdfWorker(['--workers', '0'], () => flagsSet++);
    expect(takeEarlyWorker()).toBeUndefined();
    expect(flagsSet).toBe(0);
    ready();
    ready();
    expect(flagsSet).toBe(1);
  });
});
