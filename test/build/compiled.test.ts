import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireCached } from '../../src/compiled.js';
import { tempDir } from '../support/temp.js';

const require = createRequire(import.meta.url);
const PATTERNS = 'hyphen/patterns/be.js';
const MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../src/compiled.ts')).href;

/** A hash of what `require` gives for the patterns. */
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * requireCached in a process of its own, as each build is: within one process V8 compiles a
 * source it has seen from its own memory, and never looks at the cache.
 */
function inNewProcess(dir: string): string {
  const code = `const { requireCached } = await import(${JSON.stringify(MODULE)}); const { createHash } = await import('node:crypto');
    process.stdout.write(createHash('sha256').update(JSON.stringify(requireCached(${JSON.stringify(PATTERNS)}, ${JSON.stringify(dir)}))).digest('hex'));`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe('requireCached', () => {
  it('gives what require gives, and the next process compiles from the code cache the first one wrote', () => {
    const dir = tempDir();
    expect(inNewProcess(dir)).toBe(digest(require(PATTERNS)));
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^v8-hyphen_patterns_be_js-[0-9a-f]{16}-\d+\.bin$/);
    const cache = path.join(dir, files[0]!);
    expect(fs.statSync(cache).size).toBeGreaterThan(10_000);
    // V8 took it: a cache it rejects is written again.
    const before = fs.statSync(cache);
    expect(inNewProcess(dir)).toBe(digest(require(PATTERNS)));
    const after = fs.statSync(cache);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  }, 30_000);

  it('compiles the source again when the cache is not V8’s, and writes a good one', () => {
    const dir = tempDir();
    inNewProcess(dir);
    const cache = path.join(dir, fs.readdirSync(dir)[0]!);
    const size = fs.statSync(cache).size;
    fs.writeFileSync(cache, 'not a code cache');
    expect(inNewProcess(dir)).toBe(digest(require(PATTERNS)));
    expect(fs.statSync(cache).size).toBe(size);
  }, 30_000);

  it('runs a file once in a thread, as require does: the second call gives the same exports', () => {
    const dir = tempDir();
    const first = requireCached(PATTERNS, dir);
    expect(requireCached(PATTERNS, dir)).toBe(first);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('is a plain require without a folder to keep the cache in', () => {
    expect(requireCached(PATTERNS, undefined)).toBe(require(PATTERNS));
  });
});
