/** Temporary repositories for tests: a copy of the real content, or one built from scratch. */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fresh temp directory holding copies of statements/ and translations/. */
export function copyContent(prefix = 'psl-test-'): string {
  const dir = tempDir(prefix);
  for (const name of ['statements', 'translations']) {
    fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** An empty temp repository with the given files (path → content). */
export function makeRepo(files: Record<string, string | Uint8Array>, prefix = 'psl-test-'): string {
  const dir = tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}
