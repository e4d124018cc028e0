/** Where jobs run: worker threads give the same results as this thread, and say when they fail. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/repository.js';
import { inProcessPool, workerPool, type Pool } from '../../src/build/pool.js';
import { portableRepository, type RunSetup } from '../../src/build/run.js';
import type { Job } from '../../src/build/jobs.js';
import { FAKE_RENDERERS, removeRepo, tempRepo } from './support.js';

const roots: string[] = [];
const pools: Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  roots.splice(0).forEach(removeRepo);
});

function setup(): RunSetup {
  const root = tempRepo(['alpha'], ['ru', 'de']);
  roots.push(root);
  return { repository: portableRepository(loadRepository(root)), include: ['alpha/en', 'alpha/ru', 'alpha/de'], renderers: FAKE_RENDERERS };
}

const job = (lang: string, kind: 'page' | 'pdf'): Job => ({ id: `alpha/${lang}/${kind}`, kind, name: kind, slug: 'alpha', lang, key: `${lang}-${kind}` });

describe('pools', () => {
  it('run jobs on worker threads with the same results as in this thread', async () => {
    const s = setup();
    const jobs = ['en', 'ru', 'de'].flatMap((lang) => [job(lang, 'page'), job(lang, 'pdf')]);
    const threads = workerPool(2, { renderers: FAKE_RENDERERS, load: ['page', 'pdf'] });
    const here = inProcessPool();
    pools.push(threads, here);
    const a = await Promise.all(jobs.map((j) => threads.run(j, s)));
    const b = await Promise.all(jobs.map((j) => here.run(j, s)));
    const files = (results: typeof a) => results.map((r) => (r.ok ? r.artefacts.map((x) => [x.path, Buffer.from(x.bytes).toString()]) : r.error));
    expect(a.every((r) => r.ok)).toBe(true);
    expect(files(a)).toEqual(files(b));
  });

  it('answer a job of a publication that does not exist with its failure, and go on', async () => {
    const s = setup();
    const threads = workerPool(1, { renderers: FAKE_RENDERERS });
    pools.push(threads);
    const missing = await threads.run(job('fa', 'page'), s);
    expect(missing).toMatchObject({ ok: false, error: 'no publication alpha/fa' });
    expect((await threads.run(job('ru', 'page'), s)).ok).toBe(true);
  });

  it('fail every waiting job once closed', async () => {
    const s = setup();
    const threads = workerPool(1, { renderers: FAKE_RENDERERS });
    const waiting = [threads.run(job('ru', 'pdf'), s), threads.run(job('de', 'pdf'), s)].map((p) => p.then(() => undefined, (e: Error) => e.message));
    await threads.close();
    expect(await Promise.all(waiting)).toEqual(['the build was stopped', 'the build was stopped']);
  });
});
