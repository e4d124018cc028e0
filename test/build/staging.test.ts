/**
 * Staging: files are written into a fresh folder beside dist/ as they are made, and cached
 * ones copied in at the end; a copy that fails fails the whole step only after the others
 * have settled, so discarding the folder leaves nothing.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Staging } from '../../src/build/staging.js';
import { tempDir } from '../support/temp.js';

function blobs(dir: string, count: number): Array<{ rel: string; from: string }> {
  fs.mkdirSync(path.join(dir, 'blobs'));
  return Array.from({ length: count }, (_, i) => {
    const from = path.join(dir, 'blobs', `b${i}`);
    fs.writeFileSync(from, `file ${i}\n`.repeat(i + 1));
    return { rel: `s/${i % 3}/f${i}.txt`, from };
  });
}

describe('Staging.copyAll', () => {
  it('copies every file to its place, making the folders', async () => {
    const dir = tempDir();
    const files = blobs(dir, 12);
    const staging = new Staging(path.join(dir, 'cache'));
    await staging.copyAll(files);
    for (const { rel, from } of files) expect(fs.readFileSync(path.join(staging.dir, rel), 'utf8')).toBe(fs.readFileSync(from, 'utf8'));
  });

  it('throws when a copy fails, after the others are done, and discard() leaves nothing', async () => {
    const dir = tempDir();
    const files = blobs(dir, 12);
    fs.rmSync(files[5]!.from);
    const staging = new Staging(path.join(dir, 'cache'));
    await expect(staging.copyAll(files)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.existsSync(path.join(staging.dir, files[11]!.rel))).toBe(true);
    staging.discard();
    expect(fs.existsSync(staging.dir)).toBe(false);
  });

  it('refuses a path that leaves the staging folder, before copying anything', async () => {
    const dir = tempDir();
    const files = blobs(dir, 3);
    const staging = new Staging(path.join(dir, 'cache'));
    await expect(staging.copyAll([...files, { rel: '../escape.txt', from: files[0]!.from }])).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'cache', 'escape.txt'))).toBe(false);
    expect(fs.readdirSync(staging.dir)).toEqual([]);
  });
});

describe('Staging.stage and settle', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('writes files as they are made, from one piece or several, and settle() lists only the ones still missing', () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'cache'));
    staging.stage('a/page.html', 'h1', enc('<p>page'));
    staging.stage('release/a.zip', 'h2', [enc('PK'), enc('rest')]);
    expect(fs.readFileSync(path.join(staging.dir, 'a/page.html'), 'utf8')).toBe('<p>page');
    expect(fs.readFileSync(path.join(staging.dir, 'release/a.zip'), 'utf8')).toBe('PKrest');
    const files = [
      { path: 'a/page.html', sha256: 'h1' },
      { path: 'release/a.zip', sha256: 'h2' },
      { path: 'a/cached.pdf', sha256: 'h3' },
    ];
    expect(staging.settle(files)).toEqual([{ path: 'a/cached.pdf', sha256: 'h3' }]);
  });

  it('settle() removes what is not wanted any more, with folders left empty, and lists a file made again differently', () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'cache'));
    staging.stage('a/fa/fonts/LICENSE.txt', 'l', enc('licence'));
    staging.stage('a/fa/index.html', 'p', enc('fa'));
    staging.stage('a/de/index.html', 'old', enc('de, linking to fa'));
    staging.stage('index.html', 'i', enc('index'));
    const left = staging.settle([
      { path: 'a/de/index.html', sha256: 'new' },
      { path: 'index.html', sha256: 'i' },
    ]);
    expect(left).toEqual([{ path: 'a/de/index.html', sha256: 'new' }]);
    // Both folders under a/ were left empty; the stale de page goes, to be put in again.
    expect(fs.existsSync(path.join(staging.dir, 'a'))).toBe(false);
    expect(fs.readdirSync(staging.dir)).toEqual(['index.html']);
  });

  it('never throws: a path that leaves the folder is not written, and is left for copyAll to refuse', async () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'cache'));
    expect(() => staging.stage('../escape.txt', 'e', enc('x'))).not.toThrow();
    expect(fs.existsSync(path.join(dir, 'cache', 'escape.txt'))).toBe(false);
    const left = staging.settle([{ path: '../escape.txt', sha256: 'e' }]);
    expect(left).toHaveLength(1);
    await expect(staging.copyAll(left.map((f) => ({ rel: f.path, from: path.join(dir, 'nowhere') })))).rejects.toThrow();
  });

  it('links a file with the same bytes as one staged before, and writes a file made again anew without changing its twin', () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'cache'));
    const at = (rel: string) => path.join(staging.dir, rel);
    staging.stage('a/fa/fonts/LICENSE.txt', 'l', enc('licence'));
    staging.stage('a/ar/fonts/LICENSE.txt', 'l', enc('licence'));
    staging.stage('a/ar/index.html', 'p', enc('page'));
    expect(fs.statSync(at('a/ar/fonts/LICENSE.txt')).ino).toBe(fs.statSync(at('a/fa/fonts/LICENSE.txt')).ino);
    expect(fs.statSync(at('a/ar/index.html')).nlink).toBe(1);

    staging.stage('a/ar/fonts/LICENSE.txt', 'l2', enc('another licence'));
    expect(fs.readFileSync(at('a/ar/fonts/LICENSE.txt'), 'utf8')).toBe('another licence');
    expect(fs.readFileSync(at('a/fa/fonts/LICENSE.txt'), 'utf8')).toBe('licence');
    expect(fs.statSync(at('a/fa/fonts/LICENSE.txt')).nlink).toBe(1);
    // The first one made again with other bytes: a file with its old bytes is not linked to it.
    staging.stage('a/fa/fonts/LICENSE.txt', 'l3', enc('a third licence'));
    staging.stage('c/LICENSE.txt', 'l', enc('licence'));
    expect(fs.readFileSync(at('c/LICENSE.txt'), 'utf8')).toBe('licence');
    // The first one removed by settle(): a third copy is written, not linked to what is gone.
    staging.settle([{ path: 'a/ar/fonts/LICENSE.txt', sha256: 'l2' }]);
    staging.stage('b/LICENSE.txt', 'l', enc('licence'));
    expect(fs.readFileSync(at('b/LICENSE.txt'), 'utf8')).toBe('licence');
  });

  /** A dist/ of these files (path → [content hash, text]) as a build leaves it, and its cache folder. */
  function previousBuild(files: Record<string, [string, string]>): { cache: string; dist: string } {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const dist = path.join(dir, 'dist');
    const staging = new Staging(cache, dist);
    for (const [rel, [hash, text]] of Object.entries(files)) staging.stage(rel, hash, enc(text));
    staging.commit(dist, new Map(Object.entries(files).map(([rel, [hash]]) => [rel, hash])));
    return { cache, dist };
  }

  it('links a file made again with the bytes it has in the previous dist/, unless that file was changed there', () => {
    const { cache, dist } = previousBuild({ 'feeds/ru.xml': ['ru', '<feed ru>'], 'feeds/de.xml': ['de', '<feed de>'] });
    fs.appendFileSync(path.join(dist, 'feeds/de.xml'), 'edited');

    const second = new Staging(cache, dist);
    second.stage('feeds/ru.xml', 'ru', enc('<feed ru>'));
    second.stage('feeds/de.xml', 'de', enc('<feed de>'));
    expect(fs.statSync(path.join(second.dir, 'feeds/ru.xml')).ino).toBe(fs.statSync(path.join(dist, 'feeds/ru.xml')).ino);
    expect(fs.statSync(path.join(second.dir, 'feeds/de.xml')).ino).not.toBe(fs.statSync(path.join(dist, 'feeds/de.xml')).ino);
    expect(fs.readFileSync(path.join(second.dir, 'feeds/de.xml'), 'utf8')).toBe('<feed de>');
  });

  it('links both of two files with the same bytes from the previous dist/, though linking the first changes the second’s change time', async () => {
    const { cache, dist } = previousBuild({ 'ar/LICENSE.txt': ['l', 'licence'], 'fa/LICENSE.txt': ['l', 'licence'] });
    const inode = fs.statSync(path.join(dist, 'fa/LICENSE.txt')).ino;
    // Change times count in the kernel's clock ticks: the next build comes later than one.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const second = new Staging(cache, dist);
    expect(second.reuse('ar/LICENSE.txt', 'l')).toBe(true);
    expect(second.reuse('fa/LICENSE.txt', 'l')).toBe(true);
    expect(fs.statSync(path.join(second.dir, 'fa/LICENSE.txt')).ino).toBe(inode);
  });

  it('writes nothing once discarded (a job that ends after the build failed)', () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'cache'));
    staging.discard();
    staging.stage('late/index.html', 'h', enc('late'));
    expect(fs.existsSync(staging.dir)).toBe(false);
  });
});
