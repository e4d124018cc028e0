/**
 * Staging: cached files are copied into a fresh folder beside dist/; a copy that fails fails
 * the whole step only after the others have settled, so discarding the folder leaves nothing.
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
