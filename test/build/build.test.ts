/**
 * The build's orchestration with stand-in exporters (test/build/fixtures): cache, atomic
 * swap, de-duplication, manifest, zips, partial builds, filters, refusals.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { build, type BuildOptions } from '../../src/build/build.js';
import { BuildError } from '../../src/build/errors.js';
import { Cache } from '../../src/build/cache.js';
import { JOB_KINDS } from '../../src/render/index.js';
import { fakeChecker } from './fixtures/checker.js';
import { FAKE_RENDERERS, removeRepo, snapshot, tempRepo, writeTranslation } from './support.js';

// Real processes and threads on a shared two-core machine: allow for a slow minute.
vi.setConfig({ testTimeout: 120_000 });

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach(removeRepo));

function repo(...args: Parameters<typeof tempRepo>): string {
  const root = tempRepo(...args);
  roots.push(root);
  return root;
}

function run(root: string, extra: Partial<BuildOptions> = {}) {
  return build({ root, renderers: FAKE_RENDERERS, checker: fakeChecker, workers: 0, env: {}, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<BuildError> {
  const error = await promise.then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, 'dist', rel), 'utf8');

describe('build', () => {
  it('publishes every language with pages, PDFs, images, site files, one licence copy, manifest and zips', async () => {
    const root = repo();
    const result = await run(root);
    const files = Object.keys(snapshot(path.join(root, 'dist'))).sort();
    for (const lang of ['en', 'ru', 'de', 'fa']) {
      for (const f of ['index.html', `alpha-${lang}-a4.pdf`, `alpha-${lang}-a5.pdf`, 'share-1200x630.png', 'share-1200x630.jpg', 'share-1080x1920.png', 'fonts/LICENSE-Test.txt']) {
        expect(files).toContain(`alpha/${lang}/${f}`);
      }
      expect(files).toContain(`release/alpha-${lang}.zip`);
    }
    expect(files).toEqual(expect.arrayContaining(['index.html', 'sitemap.xml', 'manifest.json', 'release/alpha-all.zip']));
    // 4 languages × one job per kind + the site job
    expect(result.built).toBe(4 * JOB_KINDS.length + 1);
    expect(result.cached).toBe(0);

    const manifest = JSON.parse(read(root, 'manifest.json'));
    const listed = manifest.artefacts.map((a: { path: string }) => a.path);
    expect(listed).toEqual(files.filter((f) => f !== 'manifest.json'));
    for (const entry of manifest.artefacts) {
      const bytes = fs.readFileSync(path.join(root, 'dist', entry.path));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const a4 = manifest.artefacts.find((a: { path: string }) => a.path === 'alpha/fa/alpha-fa-a4.pdf');
    expect(a4).toMatchObject({ statement: 'alpha', language: 'fa', kind: 'pdf', pages: 2 });
    const card = manifest.artefacts.find((a: { path: string }) => a.path === 'alpha/ru/share-1080x1350.png');
    expect(card).toMatchObject({ kind: 'image', width: 1080, height: 1350, alt: 'alpha (ru)' });

    const zip = unzipSync(fs.readFileSync(path.join(root, 'dist/release/alpha-fa.zip')));
    const names = Object.keys(zip);
    expect(names).toEqual([...names].sort());
    // dist/ paths, so that the pages' relative links work when the zip is opened from disk
    expect(names).toContain('alpha/fa/alpha-fa-a5.pdf');
    expect(names).toContain('alpha/fa/fonts/LICENSE-Test.txt');
    expect(names).toContain('README.txt');
    expect(new TextDecoder().decode(zip['alpha/fa/index.html'])).toBe(read(root, 'alpha/fa/index.html'));
    const all = Object.keys(unzipSync(fs.readFileSync(path.join(root, 'dist/release/alpha-all.zip'))));
    expect(all).toContain('alpha/de/share-1080x1080.png');
  });

  it('rebuilds nothing when nothing changed, and only the changed translation after an edit', async () => {
    const root = repo();
    await run(root);
    const first = snapshot(path.join(root, 'dist'));
    const again = await run(root);
    expect(again.built).toBe(0);
    expect(snapshot(path.join(root, 'dist'))).toEqual(first);

    writeTranslation(root, 'de', 'alpha', 'A corrected German translation.');
    const log = path.join(root, 'render.log');
    process.env.FAKE_RENDER_LOG = log;
    try {
      const edited = await run(root);
      // the German jobs that show the body (page, PDFs, post kit …) and the site files that list
      // it; the share images show only the title, the quote and labels, so they are left alone
      const whole = JOB_KINDS.filter((k) => !k.inputs).map((k) => `alpha/de/${k.kind}`);
      expect(whole).toEqual(expect.arrayContaining(['alpha/de/page', 'alpha/de/pdf', 'alpha/de/posts']));
      expect(edited.built).toBe(whole.length + 1);
      expect(fs.readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual(whole.sort());
      const after = snapshot(path.join(root, 'dist'));
      expect(after['alpha/de/alpha-de-a4.pdf']).not.toBe(first['alpha/de/alpha-de-a4.pdf']);
      expect(after['alpha/ru/alpha-ru-a4.pdf']).toBe(first['alpha/ru/alpha-ru-a4.pdf']);

      // A new quote changes the images (and the page, whose head describes them), nothing else.
      fs.rmSync(log);
      const file = path.join(root, 'translations/de/alpha.md');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('quote: "A quote."', 'quote: "Another quote."'));
      const requoted = await run(root);
      expect(fs.readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual([...whole, 'alpha/de/images'].sort());
      expect(requoted.built).toBe(whole.length + 2);
    } finally {
      delete process.env.FAKE_RENDER_LOG;
    }
  });

  it('links unchanged files from the previous dist/, and copies a file that was edited there anew', async () => {
    const root = repo();
    await run(root);
    const dist = path.join(root, 'dist');
    const first = snapshot(dist);
    const inode = (rel: string) => fs.statSync(path.join(dist, rel)).ino;
    const before = { pdf: inode('alpha/ru/alpha-ru-a4.pdf'), page: inode('alpha/de/index.html') };
    writeTranslation(root, 'de', 'alpha', 'A corrected German translation.');
    await run(root);
    // the same file, not a copy: the previous build's inode
    expect(inode('alpha/ru/alpha-ru-a4.pdf')).toBe(before.pdf);
    expect(inode('alpha/de/index.html')).not.toBe(before.page);
    expect(fs.statSync(path.join(dist, 'alpha/ru/alpha-ru-a4.pdf')).nlink).toBe(1);

    // Somebody edits published files in place (same size) or replaces one: the next build
    // publishes what the build makes, not their edit, and the cache is untouched.
    const edited = path.join(dist, 'alpha/ru/alpha-ru-a4.pdf');
    const bytes = fs.readFileSync(edited);
    bytes[0] ^= 1;
    fs.writeFileSync(edited, bytes);
    fs.rmSync(path.join(dist, 'alpha/fa/alpha-fa-a5.pdf'));
    fs.writeFileSync(path.join(dist, 'alpha/fa/alpha-fa-a5.pdf'), 'replaced');
    const again = await run(root);
    expect(again.built).toBe(0);
    const after = snapshot(dist);
    expect(after['alpha/ru/alpha-ru-a4.pdf']).toBe(first['alpha/ru/alpha-ru-a4.pdf']);
    expect(after['alpha/fa/alpha-fa-a5.pdf']).toBe(first['alpha/fa/alpha-fa-a5.pdf']);
  });

  it("makes the zips again from the cache's files, byte for byte, when its records are gone", async () => {
    const root = repo();
    await run(root);
    const zip = () => fs.readFileSync(path.join(root, 'dist/release/alpha-all.zip'));
    const first = zip();
    fs.rmSync(path.join(root, '.cache/records'), { recursive: true });
    const again = await run(root);
    expect(again.built).toBeGreaterThan(0);
    expect(zip().equals(first)).toBe(true);
    const entries = unzipSync(first);
    expect(new TextDecoder().decode(entries['alpha/de/index.html'])).toBe(read(root, 'alpha/de/index.html'));
  });

  it("gives exporters a memo that keeps their results from build to build, per version of the code", async () => {
    const root = repo();
    let made = 0;
    const make = async () => new Uint8Array([++made]);
    const memo = new Cache(path.join(root, '.cache')).memo('v1');
    expect([...(await memo('a subset', make))]).toEqual([1]);
    // Another build (another Cache over the same folder) gets the kept bytes without making them.
    expect([...(await new Cache(path.join(root, '.cache')).memo('v1')('a subset', make))]).toEqual([1]);
    expect(made).toBe(1);
    expect([...(await new Cache(path.join(root, '.cache')).memo('v2')('a subset', make))]).toEqual([2]);
  });

  it('forgets, when pruning, what no build used for two weeks, and keeps what dist/ has', async () => {
    const root = repo();
    const cache = new Cache(path.join(root, '.cache'));
    const old = cache.putObject(new Uint8Array([1]));
    const inDist = cache.putObject(new Uint8Array([2]));
    const recent = cache.putObject(new Uint8Array([3]));
    cache.set('old job', [{ sha256: old }]);
    cache.set('recent job', [{ sha256: recent }]);
    const longAgo = (Date.now() - 30 * 24 * 3600_000) / 1000;
    for (const name of fs.readdirSync(cache.records)) {
      if (JSON.parse(fs.readFileSync(path.join(cache.records, name), 'utf8'))[0].sha256 === old) fs.utimesSync(path.join(cache.records, name), longAgo, longAgo);
    }
    for (const hash of [old, inDist, recent]) fs.utimesSync(cache.objectPath(hash), longAgo, longAgo);
    cache.prune(new Set([inDist]));
    expect(cache.get('old job')).toBeUndefined();
    expect(cache.get('recent job')).toEqual([{ sha256: recent }]);
    expect(cache.readObject(old)).toBeUndefined();
    expect([...cache.readObject(inDist)!]).toEqual([2]);
    expect([...cache.readObject(recent)!]).toEqual([3]);
  });

  it('makes the same dist/ on worker threads as in this thread, also when the check leaves a language out', async () => {
    const [a, b, c, d] = [repo(), repo(), repo(), repo()];
    await run(a, { workers: 0 });
    const threads = await run(b, { workers: undefined });
    expect(snapshot(path.join(b, 'dist'))).toEqual(snapshot(path.join(a, 'dist')));
    expect(threads.built).toBe(4 * JOB_KINDS.length + 1);
    for (const root of [c, d]) writeTranslation(root, 'ru', 'alpha', 'CHECK-ERROR here.');
    await run(c, { workers: 0, partial: true });
    await run(d, { workers: 2, partial: true });
    expect(snapshot(path.join(d, 'dist'))).toEqual(snapshot(path.join(c, 'dist')));
    expect(read(d, 'alpha/de/alpha-de-a5.pdf')).toMatch(/ en de fa$/);
  });

  it('gives byte-identical dist/ from two clean builds, and honours SOURCE_DATE_EPOCH in keys and zips', async () => {
    const a = repo();
    const b = repo();
    await run(a);
    await run(b);
    expect(snapshot(path.join(a, 'dist'))).toEqual(snapshot(path.join(b, 'dist')));

    await run(a, { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    const dated = snapshot(path.join(a, 'dist'));
    expect(dated['release/alpha-all.zip']).not.toBe(snapshot(path.join(b, 'dist'))['release/alpha-all.zip']);
    const entry = unzipSync(fs.readFileSync(path.join(a, 'dist/release/alpha-fa.zip')));
    expect(Object.keys(entry).length).toBeGreaterThan(0);
  });

  it('worker threads give the same dist/ as one process', async () => {
    const a = repo(['alpha', 'beta']);
    const b = repo(['alpha', 'beta']);
    await run(a, { workers: 0 });
    const threaded = await run(b, { workers: 2 });
    expect(threaded.built).toBe(2 * 4 * JOB_KINDS.length + 1);
    expect(snapshot(path.join(b, 'dist'))).toEqual(snapshot(path.join(a, 'dist')));
  });

  it('stops with the check report and leaves dist/ alone when a language has errors', async () => {
    const root = repo();
    await run(root);
    const before = snapshot(path.join(root, 'dist'));
    writeTranslation(root, 'ru', 'alpha', 'CHECK-ERROR here.');
    const notices: string[] = [];
    const reporter = { notice: (t: string) => notices.push(t), start() {}, done() {}, end() {} };
    const error = await failure(run(root, { reporter }));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/1 error.*--partial/s);
    expect(notices.join('\n')).toContain('translations/ru/alpha.md:1:1');
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('--partial publishes the complete languages, lists the skipped one, and drops it from the others', async () => {
    const root = repo();
    writeTranslation(root, 'ru', 'alpha', 'CHECK-ERROR here.');
    const result = await run(root, { partial: true });
    expect(result.skipped).toEqual([{ statement: 'alpha', language: 'ru', reasons: ['translations/ru/alpha.md:1:1: contains CHECK-ERROR'] }]);
    expect(fs.existsSync(path.join(root, 'dist/alpha/ru'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'dist/release/alpha-ru.zip'))).toBe(false);
    expect(read(root, 'alpha/de/index.html')).toContain('en de fa');
    expect(JSON.parse(read(root, 'manifest.json')).skipped[0].language).toBe('ru');
  });

  it('leaves out a language whose share card does not fit, and re-renders the others without it', async () => {
    const root = repo();
    writeTranslation(root, 'fa', 'alpha', 'FIT-FAIL');
    const error = await failure(run(root));
    expect(error.message).toMatch(/alpha\/fa: share images: The quote of translations\/fa\/alpha.md does not fit/);
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);

    const result = await run(root, { partial: true });
    expect(result.skipped.map((s) => s.language)).toEqual(['fa']);
    expect(fs.existsSync(path.join(root, 'dist/alpha/fa'))).toBe(false);
    expect(read(root, 'alpha/de/index.html')).toMatch(/en ru de$/);
    expect(read(root, 'index.html')).not.toContain('alpha/fa');
  });

  it('leaves out a language whose share images fail after its page and PDFs were made, and nothing of it reaches dist/', async () => {
    const root = repo();
    writeTranslation(root, 'fa', 'alpha', 'LATE-FIT-FAIL');
    const result = await run(root, { partial: true });
    expect(result.skipped.map((s) => s.language)).toEqual(['fa']);
    const files = Object.keys(snapshot(path.join(root, 'dist')));
    expect(files.filter((f) => f.includes('/fa/') || f.includes('-fa'))).toEqual([]);
    expect(fs.existsSync(path.join(root, 'dist/alpha/fa'))).toBe(false);
    expect(read(root, 'alpha/de/index.html')).toMatch(/en ru de$/);
    expect(JSON.parse(read(root, 'manifest.json')).artefacts.map((a: { path: string }) => a.path).sort()).toEqual(files.filter((f) => f !== 'manifest.json').sort());
    expect(fs.readdirSync(path.join(root, '.cache')).filter((name) => name.startsWith('tmp-'))).toEqual([]);
  });

  it('narrows the work with statements, languages and outputs', async () => {
    const root = repo(['alpha', 'beta']);
    const result = await run(root, { statements: ['beta'], langs: ['de'], only: ['pdf'] });
    expect(result.built).toBe(1);
    const files = Object.keys(snapshot(path.join(root, 'dist'))).filter((f) => !f.startsWith('release/')).sort();
    expect(files).toEqual(['beta/de/beta-de-a4.pdf', 'beta/de/beta-de-a5.pdf', 'beta/de/fonts/LICENSE-Test.txt', 'manifest.json']);
  });

  it('refuses unknown or path-like statement names and languages with a plain usage error', async () => {
    const root = repo();
    for (const opts of [{ statements: ['../x'] }, { statements: ['nope'] }, { langs: ['xx'] }, { langs: ['../ru'] }] as Partial<BuildOptions>[]) {
      const error = await failure(run(root, opts));
      expect(error.exitCode).toBe(2);
      expect(error.message).not.toMatch(/\n\s+at /);
    }
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('refuses an artefact path that leaves dist/, and writes nothing', async () => {
    const root = repo();
    await run(root);
    const before = snapshot(path.join(root, 'dist'));
    const error = await failure(run(root, { renderers: new URL('./fixtures/renderers-escape.ts', import.meta.url).href }));
    expect(error.message).toMatch(/Refusing to write “\.\.\/escaped\.txt”/);
    expect(fs.existsSync(path.join(root, 'escaped.txt'))).toBe(false);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
  });

  it('fails loudly when two exporters write different files at one path', async () => {
    const root = repo();
    const error = await failure(run(root, { renderers: new URL('./fixtures/renderers-conflict.ts', import.meta.url).href }));
    expect(error.message).toMatch(/different files at dist\/alpha\/\w+\/fonts\/LICENSE-Test.txt/);
  });

  it('never writes into statements/ or translations/, and only dist/ and .cache/ appear', async () => {
    const root = repo();
    const inputs = () => ({ ...snapshot(path.join(root, 'statements')), ...snapshot(path.join(root, 'translations')) });
    const before = inputs();
    await run(root);
    expect(inputs()).toEqual(before);
    expect(fs.readdirSync(root).sort()).toEqual(['.cache', 'dist', 'statements', 'translations']);
    expect(fs.readdirSync(path.join(root, '.cache')).filter((n) => n.startsWith('tmp-') || n.startsWith('old-'))).toEqual([]);
  });

  it('a plain message when the folder is not a project', async () => {
    const error = await failure(build({ root: path.join(repo(), 'statements'), renderers: FAKE_RENDERERS, checker: fakeChecker }));
    expect(error.message).toMatch(/no statements\/ folder/);
  });
});
