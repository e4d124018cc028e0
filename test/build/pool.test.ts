/**
 * splitPool: the workers' kinds go to the workers, the others stay in this thread, and the
 * shared kinds go to whichever side has none of its own jobs left.
 */
import { describe, expect, it } from 'vitest';
import { splitPool, type Pool } from '../../src/build/pool.js';
import type { JobResult, RunnerSetup } from '../../src/build/runner.js';
import type { Job, JobKind } from '../../src/build/jobs.js';

const SETUP: RunnerSetup = { root: '/nowhere', renderers: 'fake', include: [], digest: 'd' };

/** A pool whose jobs end when the test says so; it notes which jobs it ran, in order. */
function fakePool(name: string, log: string[]) {
  const pending = new Map<string, () => void>();
  const pool: Pool = {
    size: 1,
    async setup() {},
    run(job) {
      log.push(`${name}:${job.id}`);
      return new Promise<JobResult>((resolve) => pending.set(job.id, () => resolve({ id: job.id, ok: true, artefacts: [], ms: 0 })));
    },
    async close() {},
  };
  return { pool, finish: (id: string) => pending.get(id)!() };
}

const job = (id: string, kind: JobKind): Job => ({ id, kind, key: id });
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A splitPool with the PDFs on a stand-in worker, this thread a stand-in too, both noting into one log. */
function pools(shared: JobKind[]) {
  const log: string[] = [];
  const workers = fakePool('worker', log);
  const local = fakePool('local', log);
  return { log, workers, local, pool: splitPool(['pdf'], workers.pool, local.pool, shared) };
}

describe('splitPool', () => {
  it('gives the shared jobs to the side that runs out of its own jobs first', async () => {
    const { log, workers, local, pool } = pools(['page', 'site']);
    await pool.setup(SETUP);
    const jobs = [job('a/images', 'images'), job('a/pdf', 'pdf'), job('a/page', 'page'), job('b/images', 'images'), job('b/pdf', 'pdf'), job('b/page', 'page'), job('site', 'site')];
    const results = jobs.map((j) => pool.run(j));
    await turn();
    expect(log.sort()).toEqual(['local:a/images', 'local:b/images', 'worker:a/pdf', 'worker:b/pdf']);

    // The worker is done first: it takes two shared jobs at a time.
    workers.finish('a/pdf');
    await turn();
    expect(log).toHaveLength(4);
    workers.finish('b/pdf');
    await turn();
    expect(log.slice(4)).toEqual(['worker:a/page', 'worker:b/page']);

    // This thread, once its images are done, takes what is left.
    local.finish('a/images');
    await turn();
    expect(log).toHaveLength(6);
    local.finish('b/images');
    await turn();
    expect(log.slice(6)).toEqual(['local:site']);

    for (const id of ['a/page', 'b/page']) workers.finish(id);
    local.finish('site');
    expect((await Promise.all(results)).map((r) => r.id)).toEqual(jobs.map((j) => j.id));
  });

  it('starts the shared jobs at once in this thread when it has nothing else to do', async () => {
    const { log, workers, local, pool } = pools(['page', 'site']);
    await pool.setup(SETUP);
    const results = [pool.run(job('a/pdf', 'pdf')), ...['a', 'b', 'c', 'd'].map((s) => pool.run(job(`${s}/page`, 'page')))];
    await turn();
    // Three at a time: a page mostly waits for its fonts to be compressed.
    expect(log.sort()).toEqual(['local:a/page', 'local:b/page', 'local:c/page', 'worker:a/pdf']);
    local.finish('a/page');
    await turn();
    expect(log).toContain('local:d/page');
    for (const s of ['b', 'c', 'd']) local.finish(`${s}/page`);
    workers.finish('a/pdf');
    await Promise.all(results);
  });

  it('rejects the shared jobs still waiting when the pool is closed', async () => {
    const { log, pool } = pools(['page']);
    await pool.setup(SETUP);
    void pool.run(job('a/pdf', 'pdf'));
    void pool.run(job('a/images', 'images'));
    const page = pool.run(job('a/page', 'page'));
    await turn();
    await pool.close();
    await expect(page).rejects.toThrow(/stopped/);
    expect(log).not.toContain('local:a/page');
  });

  it('counts the jobs started before the check as the workers’ own', async () => {
    const { log, workers, local, pool } = pools(['page']);
    const speculated = pool.speculate!(SETUP, [job('a/pdf', 'pdf')]);
    await pool.setup(SETUP);
    const results = [pool.run(job('a/images', 'images')), pool.run(job('a/page', 'page'))];
    await turn();
    expect(log.sort()).toEqual(['local:a/images', 'worker:a/pdf']);
    workers.finish('a/pdf');
    await turn();
    expect(log).toContain('worker:a/page');
    workers.finish('a/page');
    local.finish('a/images');
    await Promise.all([...results, speculated.get('a/pdf')]);
  });

  it('sends the workers their jobs behind their setup, before they have answered it', async () => {
    const log: string[] = [];
    const local = fakePool('local', log);
    const workers = fakePool('worker', log);
    let answer!: (error?: Error) => void;
    workers.pool.setup = () => new Promise<void>((resolve, reject) => (answer = (error) => (error ? reject(error) : resolve())));
    const pool = splitPool(['pdf'], workers.pool, local.pool);
    const setup = pool.setup(SETUP);
    const result = pool.run(job('a/pdf', 'pdf'));
    await turn();
    // This thread may not read the workers' answer for a long while: the job is there already.
    expect(log).toEqual(['worker:a/pdf']);
    workers.finish('a/pdf');
    let settled = false;
    void result.then(() => (settled = true));
    await turn();
    expect(settled).toBe(false); // the setup has not answered yet
    answer();
    await setup;
    expect((await result).id).toBe('a/pdf');
  });

  it('fails the jobs sent ahead with the workers’ failed setup', async () => {
    const log: string[] = [];
    const workers = fakePool('worker', log);
    workers.pool.setup = () => Promise.reject(new Error('no renderers at /nowhere'));
    const pool = splitPool(['pdf'], workers.pool, fakePool('local', log).pool);
    const speculated = pool.speculate!(SETUP, [job('a/pdf', 'pdf')]);
    await expect(speculated.get('a/pdf')).rejects.toThrow('no renderers at /nowhere');
  });
});
