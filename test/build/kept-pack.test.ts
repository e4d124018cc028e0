/** Kept results packed one file per thread and build (src/build/kept-pack.ts). */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PackedKeep, compactPacks, readPacks } from '../../src/build/kept-pack.js';
import { tempDir } from '../support/temp.js';

const folder = () => tempDir('psl-pack-');

const packs = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.pack'));
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** A keep whose make() says what it made, and counts. */
function making(keep: PackedKeep) {
  const made: string[] = [];
  return {
    made,
    get: async (key: string) => text(await keep.get(key, async () => (made.push(key), bytes(`value of ${key}`)))),
  };
}

describe('PackedKeep', () => {
  it('makes a result once, and the next build reads it back from the one pack this build wrote', async () => {
    const dir = folder();
    const first = making(new PackedKeep(dir));
    expect(await first.get('a')).toBe('value of a');
    expect(await first.get('b')).toBe('value of b');
    expect(await first.get('a')).toBe('value of a');
    expect(first.made).toEqual(['a', 'b']);
    expect(packs(dir)).toHaveLength(1);

    const second = making(new PackedKeep(dir));
    expect(await second.get('b')).toBe('value of b');
    expect(await second.get('a')).toBe('value of a');
    expect(second.made).toEqual([]);
    // Nothing new: no pack either.
    expect(packs(dir)).toHaveLength(1);

    const third = making(new PackedKeep(dir));
    expect(await third.get('c')).toBe('value of c');
    expect(packs(dir)).toHaveLength(2);
    expect(making(new PackedKeep(dir)).made).toEqual([]);
    expect([...readPacks(dir).values()].map(text).sort()).toEqual(['value of a', 'value of b', 'value of c']);
  });

  it('gives each caller bytes of their own, not a view into the pack', async () => {
    const dir = folder();
    await new PackedKeep(dir).get('a', async () => bytes('12345'));
    const keep = new PackedKeep(dir);
    const got = await keep.get('a', async () => bytes('other'));
    expect(got.byteLength).toBe(got.buffer.byteLength);
    got[0] = 0;
    expect(text(await keep.get('a', async () => bytes('other')))).toBe('12345');
  });

  it('drops a record cut short or changed (a build killed mid-write), keeps those before it, and makes it again', async () => {
    const dir = folder();
    const writer = making(new PackedKeep(dir));
    for (const key of ['a', 'b', 'c']) await writer.get(key);
    const [pack] = packs(dir);
    const file = path.join(dir, pack!);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 3));
    const cut = making(new PackedKeep(dir));
    expect(await cut.get('a')).toBe('value of a');
    expect(await cut.get('b')).toBe('value of b');
    expect(await cut.get('c')).toBe('value of c');
    expect(cut.made).toEqual(['c']);

    // One byte of b's bytes changed: b fails its check, and c after it is not trusted either.
    const changed = Buffer.from(whole);
    const at = changed.indexOf('value of b');
    changed[at] = 'V'.charCodeAt(0);
    fs.writeFileSync(file, changed);
    for (const other of packs(dir).filter((p) => p !== pack)) fs.rmSync(path.join(dir, other));
    const broken = making(new PackedKeep(dir));
    expect(await broken.get('b')).toBe('value of b');
    expect(await broken.get('c')).toBe('value of c');
    expect(await broken.get('a')).toBe('value of a');
    expect(broken.made).toEqual(['b', 'c']);
  });

  it('merges more than 16 packs into one once they are old, leaving a pack still being written alone', async () => {
    const dir = folder();
    for (let i = 0; i < 20; i++) await new PackedKeep(dir).get(`key ${i}`, async () => bytes(`value ${i}`));
    expect(packs(dir)).toHaveLength(20);
    compactPacks(dir, 60_000);
    expect(packs(dir)).toHaveLength(20); // all written just now

    const old = new Date(Date.now() - 120_000);
    const names = packs(dir).sort();
    for (const name of names.slice(0, 19)) fs.utimesSync(path.join(dir, name), old, old);
    compactPacks(dir, 60_000);
    expect(packs(dir).sort()).toEqual([names[0]!.replace(/\.pack$/, '-merged.pack'), names[19]!].sort());
    const keep = making(new PackedKeep(dir));
    for (let i = 0; i < 20; i++) expect(await keep.get(`key ${i}`)).toBe(`value ${i}`);
    expect(keep.made).toEqual([]);
  });

  it('keeps nothing, and still answers, where the cache cannot be written', async () => {
    const dir = folder();
    const file = path.join(dir, 'not a folder');
    fs.writeFileSync(file, '');
    const keep = making(new PackedKeep(file));
    expect(await keep.get('a')).toBe('value of a');
    expect(keep.made).toEqual(['a']);
  });
});
