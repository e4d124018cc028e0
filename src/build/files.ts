/**
 * Reading and writing the build's own files (the cache, compiled-code notes): JSON that may be
 * missing or broken, writes that a killed build never leaves half done, and the age test that
 * pruning uses. Kept apart from store.ts so that hash.ts, which store.ts needs, can use them.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';

/** A JSON file's value, or undefined when it is missing or not JSON. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let counter = 0;

/**
 * Write to a temporary name, then rename into place. The temporary name is unique to this
 * process and thread: a worker thread has a counter of its own.
 */
export function writeAtomic(file: string, data: Uint8Array | string | Uint8Array[]): void {
  const tmp = `${file}.tmp-${process.pid}-${threadId}-${counter++}`;
  if (Array.isArray(data)) writePieces(tmp, data);
  else fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * Give `from` the name `file` too (a hard link), replacing what was there in one step; a copy
 * where the file system has no hard links.
 */
export function linkAtomic(from: string, file: string): void {
  const tmp = `${file}.tmp-${process.pid}-${threadId}-${counter++}`;
  try {
    fs.linkSync(from, tmp);
  } catch {
    fs.copyFileSync(from, tmp);
  }
  fs.renameSync(tmp, file);
}

/** Write consecutive pieces into `file`, without joining them first. */
export function writePieces(file: string, parts: Uint8Array[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    // writev takes at most IOV_MAX (1024 on Linux) buffers at a time, and may write less.
    for (let i = 0; i < parts.length; i += 1024) {
      const batch = parts.slice(i, i + 1024);
      const total = batch.reduce((n, p) => n + p.length, 0);
      const written = fs.writevSync(fd, batch);
      if (written < total) fs.writeSync(fd, Buffer.concat(batch).subarray(written));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `file` was last written more than `ms` ago; false when it is gone. */
export function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** The names in `dir` that end with `suffix`, sorted; none when there is no such folder. */
export function namesEndingWith(dir: string, suffix: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .sort();
  } catch {
    return [];
  }
}

/** A new file name ending with `suffix`, unique to this process and thread, in the order such names were made. */
export function timeOrderedName(suffix: string): string {
  return `${String(Date.now()).padStart(15, '0')}-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}${suffix}`;
}
