/** The cache's blobs in packs, one per build (src/build/blob-packs.ts, Store). */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { BlobPacks } from '../../src/build/blob-packs.js';
import { GRACE_MS, PRUNE_AFTER, Store } from '../../src/build/store.js';
import { tempDir } from '../support/temp.js';

const folder = () => tempDir('psl-blobs-');

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

function age(dir: string): void {
  const then = new Date(Date.now() - GRACE_MS - 60_000);
  for (const name of files(dir)) fs.utimesSync(path.join(dir, name), then, then);
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('BlobPacks', () => {
  it('appends a build’s blobs to one pack, which other builds see once its index is written', () => {
    const dir = folder();
    const packs = new BlobPacks(dir);
    packs.append('a', [bytes('alpha')]);
    packs.append('b', [bytes('be'), bytes('ta')]);
    expect(files(dir)).toHaveLength(1);
    expect(packs.read('b')?.toString()).toBe('beta');
    expect(new BlobPacks(dir).size('a')).toBeUndefined();

    packs.finish();
    expect(files(dir)).toHaveLength(2);
    const other = new BlobPacks(dir);
    expect(other.size('a')).toBe(5);
    expect(other.read('a')?.toString()).toBe('alpha');
    expect(other.read('b')?.toString()).toBe('beta');
    expect(other.read('c')).toBeUndefined();
  });

  it('removes a pack whose index was never written (a killed build) only once it is old', () => {
    const dir = folder();
    new BlobPacks(dir).append('a', [bytes('alpha')]);
    const pruner = new BlobPacks(dir);
    pruner.removeUnfinished(GRACE_MS);
    expect(files(dir)).toHaveLength(1);
    age(dir);
    pruner.removeUnfinished(GRACE_MS);
    expect(files(dir)).toEqual([]);
  });

  it('finds a blob another build moved to its own pack after this one read the indexes', () => {
    const dir = folder();
    const first = new BlobPacks(dir);
    first.append('a', [bytes('alpha')]);
    first.finish();
    const reader = new BlobPacks(dir);
    expect(reader.size('a')).toBe(5);
    const [old] = reader.packs();
    const mover = new BlobPacks(dir);
    mover.append('a', [mover.read('a')!]);
    mover.finish();
    mover.remove(old!.pack);
    expect(reader.read('a')?.toString()).toBe('alpha');
  });
});

describe('Store with packs', () => {
  it('creates one pack and one index for all the blobs of a build, and none for a blob it has', () => {
    const dir = folder();
    const store = new Store(dir);
    const infos = ['a', 'b', 'c'].map((t) => store.put({ path: `${t}.pdf`, kind: 'pdf', bytes: bytes(t) }));
    store.put({ path: 'again.pdf', kind: 'pdf', bytes: bytes('a') });
    store.finish();
    expect(files(path.join(dir, 'packs'))).toHaveLength(2);
    const next = new Store(dir);
    next.put({ path: 'a.pdf', kind: 'pdf', bytes: bytes('a') });
    next.finish();
    expect(files(path.join(dir, 'packs'))).toHaveLength(2);
    expect(infos.map((info) => Buffer.from(next.read(info)).toString())).toEqual(['a', 'b', 'c']);
  });

  it('when pruning, moves what is still used out of a mostly unused pack and removes it, and leaves a mostly used one', () => {
    const dir = folder();
    const big = (text: string) => bytes(text.repeat(100));
    // Pack 1: one blob used, three unused. Pack 2: three used, one unused.
    const one = new Store(dir);
    const [kept1, ...gone1] = ['k1', 'u1', 'u2', 'u3'].map((t) => one.put({ path: `${t}.pdf`, kind: 'pdf', bytes: big(t) }));
    one.record('one', [kept1!]);
    one.finish();
    const two = new Store(dir);
    const infos2 = ['k2', 'k3', 'k4', 'u4'].map((t) => two.put({ path: `${t}.pdf`, kind: 'pdf', bytes: big(t) }));
    two.record('two', infos2.slice(0, 3));
    two.finish();
    for (const info of [...gone1, infos2[3]!]) one.record(`unused ${info.path}`, [info]);
    age(path.join(dir, 'packs'));
    age(path.join(dir, 'jobs'));
    // The used entries are looked up by the noted builds; the others by none.
    for (let i = 0; i <= PRUNE_AFTER; i++) {
      const store = new Store(dir);
      store.lookup('one');
      store.lookup('two');
      store.finishRun([]);
    }
    const after = new Store(dir);
    for (const info of [kept1!, ...infos2.slice(0, 3)]) expect(Buffer.from(after.read(info)).toString()).toBe(info.path.slice(0, 2).repeat(100));
    for (const info of gone1) expect(after.hasBlob(info.sha256)).toBe(false);
    // u4 shares a pack with three used blobs: it stays until most of that pack is unused.
    expect(after.hasBlob(infos2[3]!.sha256)).toBe(true);
    const packs = new BlobPacks(path.join(dir, 'packs')).packs();
    expect(packs.map((p) => [...p.blobs.keys()].length).sort()).toEqual([1, 4]);
  });
});
