/**
 * The build cache does not grow without end: each build notes what it used, and what none of
 * the last KEEP_RUNS builds used is removed once enough builds are noted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build, type BuildOptions } from '../../src/build/build.js';
import { GRACE_MS, KEEP_RUNS, PRUNE_AFTER, Store } from '../../src/build/store.js';
import { fakeChecker } from './fixtures/checker.js';
import { FAKE_RENDERERS, removeRepo, tempRepo, writeTranslation } from './support.js';

vi.setConfig({ testTimeout: 120_000 });

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach(removeRepo));

function repo(): string {
  const root = tempRepo();
  roots.push(root);
  return root;
}

function run(root: string, extra: Partial<BuildOptions> = {}) {
  return build({ root, renderers: FAKE_RENDERERS, checker: fakeChecker, workers: 0, env: {}, ...extra });
}

/** Make every file under `dir` look written an hour ago, older than GRACE_MS. */
function age(dir: string): void {
  const then = (Date.now() - GRACE_MS - 3_600_000) / 1000;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), then, then);
  }
}

const list = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/** The blobs the packs of the cache in `dir` hold, as the next build sees them. */
const packed = (dir: string) => new Set(list(path.join(dir, 'packs')).flatMap((name) => (name.endsWith('.json') ? Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'packs', name), 'utf8'))) : [])));

describe('pruning the build cache', () => {
  it('removes the entries and blobs of old versions, keeps what dist/ and recent builds use, and builds the same after', async () => {
    const root = repo();
    const cache = path.join(root, '.cache/build');
    const pdfOf = () => createHash('sha256').update(fs.readFileSync(path.join(root, 'dist/alpha/de/alpha-de-a4.pdf'))).digest('hex');
    const pdfs: string[] = [];
    for (let i = 0; i < 12; i++) {
      writeTranslation(root, 'de', 'alpha', `Fassung ${i}.`);
      await run(root);
      pdfs.push(pdfOf());
    }
    const jobsBefore = list(path.join(cache, 'jobs')).length;
    age(cache);
    // Enough builds more that more than PRUNE_AFTER are noted; the last ones change nothing.
    for (let i = 12; i <= PRUNE_AFTER - KEEP_RUNS + 12; i++) {
      writeTranslation(root, 'de', 'alpha', `Fassung ${Math.min(i, 14)}.`);
      await run(root);
    }
    const blobs = packed(cache);
    // The PDFs of versions no kept build used are gone; the published one stays.
    for (const [i, hash] of pdfs.slice(0, 6).entries()) expect(blobs.has(hash), `version ${i}`).toBe(false);
    expect(blobs.has(pdfOf())).toBe(true);
    expect(list(path.join(cache, 'jobs')).length).toBeLessThan(jobsBefore);
    expect(list(path.join(cache, 'runs')).length).toBeLessThanOrEqual(PRUNE_AFTER);

    // Every file of dist/ can still be copied from the cache, and nothing is made again.
    for (const entry of fs.readdirSync(path.join(root, 'dist'), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const hash = createHash('sha256').update(fs.readFileSync(path.join(entry.parentPath, entry.name))).digest('hex');
      expect(blobs.has(hash), path.relative(root, path.join(entry.parentPath, entry.name))).toBe(true);
    }
    expect((await run(root)).built).toBe(0);

    // An old version comes back: its entries are gone, so its files are made again, the same as the first time.
    writeTranslation(root, 'de', 'alpha', 'Fassung 0.');
    const again = await run(root);
    expect(again.built).toBeGreaterThan(0);
    const fresh = repo();
    writeTranslation(fresh, 'de', 'alpha', 'Fassung 0.');
    await run(fresh);
    expect(fs.readFileSync(path.join(root, 'dist/alpha/de/alpha-de-a4.pdf'))).toEqual(fs.readFileSync(path.join(fresh, 'dist/alpha/de/alpha-de-a4.pdf')));
  });

  it('keeps what the last whole build used, however many partial builds follow', async () => {
    const root = repo();
    const cache = path.join(root, '.cache/build');
    const first = await run(root);
    expect(first.built).toBeGreaterThan(3);
    // More partial builds than are noted before pruning, each with an edit, and all of it old.
    for (let i = 0; i <= PRUNE_AFTER + 2; i++) {
      writeTranslation(root, 'de', 'alpha', `Fassung ${i}.`);
      await run(root, { langs: ['de'] });
      age(cache);
    }
    expect(list(path.join(cache, 'runs')).length).toBeLessThanOrEqual(PRUNE_AFTER + 1);
    // The other languages come from the cache. Made again: the German page and PDFs, which
    // link to every published language again, and the site files, which list them all.
    const whole = await run(root);
    expect(whole.built).toBe(3);
    expect(whole.cached).toBe(first.built - 3);
  });

  it('forgets what it made last for a statement that was removed, so that its files can go', async () => {
    const root = tempRepo(['alpha', 'beta']);
    roots.push(root);
    const cache = path.join(root, '.cache/build');
    await run(root);
    const latest = () => list(path.join(cache, 'latest')).length;
    // Per statement: images, PDFs and page in four languages; and the site files.
    expect(latest()).toBe(2 * 3 * 4 + 1);
    fs.rmSync(path.join(root, 'statements/beta.md'));
    for (const lang of ['ru', 'de', 'fa']) fs.rmSync(path.join(root, `translations/${lang}/beta.md`));
    // Not while another build may still show them.
    await run(root);
    expect(latest()).toBe(2 * 3 * 4 + 1);
    age(cache);
    // Nor after a build of part of the content.
    await run(root, { langs: ['de'] });
    expect(latest()).toBe(2 * 3 * 4 + 1);
    await run(root);
    expect(latest()).toBe(3 * 4 + 1);
  });

  it('leaves what another build uses or has just written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-prune-'));
    roots.push(dir);
    // Two builds, one blob each.
    const first = new Store(dir);
    const used = first.put({ path: 'a.pdf', kind: 'pdf', bytes: new Uint8Array([1]) });
    first.record('used-elsewhere', [used]);
    first.finish();
    const second = new Store(dir);
    const unused = second.put({ path: 'b.pdf', kind: 'pdf', bytes: new Uint8Array([2]) });
    second.record('unused', [unused]);
    second.finish();
    age(dir);
    // Written a moment ago by a build that has not recorded it, nor finished, yet.
    const running = new Store(dir);
    const inFlight = running.put({ path: 'c.pdf', kind: 'pdf', bytes: new Uint8Array([3]) });
    // Another build looks the entry up; none of the noted builds used it.
    expect(new Store(dir).lookup('used-elsewhere')).toBeTruthy();
    for (let i = 0; i <= PRUNE_AFTER; i++) new Store(dir).finishRun([]);

    expect(fs.existsSync(path.join(dir, 'jobs/used-elsewhere.json'))).toBe(true);
    expect(new Store(dir).hasBlob(used.sha256)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'jobs/unused.json'))).toBe(false);
    expect(new Store(dir).hasBlob(unused.sha256)).toBe(false);
    expect(list(path.join(dir, 'runs'))).toHaveLength(KEEP_RUNS);
    // The running build's pack is still there, and its blob known once it finishes.
    expect(running.hasBlob(inFlight.sha256)).toBe(true);
    running.finish();
    expect(new Store(dir).hasBlob(inFlight.sha256)).toBe(true);
    expect([...new Store(dir).read(inFlight)]).toEqual([3]);
  });

  it('removes nothing while a note it must read is unreadable, and forgets that note', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-prune-'));
    roots.push(dir);
    const store = new Store(dir);
    const unused = store.put({ path: 'b.pdf', kind: 'pdf', bytes: new Uint8Array([2]) });
    store.record('unused', [unused]);
    store.finish();
    age(dir);
    for (let i = 0; i < PRUNE_AFTER; i++) new Store(dir).finishRun([]);
    const broken = path.join(dir, 'runs', '999999999999999-broken.json');
    fs.writeFileSync(broken, '{"keys": [');
    new Store(dir).finishRun([]);
    expect(new Store(dir).hasBlob(unused.sha256)).toBe(true);
    expect(fs.existsSync(broken)).toBe(false);
    new Store(dir).finishRun([]);
    expect(new Store(dir).hasBlob(unused.sha256)).toBe(false);
  });
});
