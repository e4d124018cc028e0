/**
 * The build's one cache: file contents by their SHA-256 (`objects/<hash>`) and small JSON
 * records by key (`records/<key>.json`): what a job made, what an exporter's memo kept, what
 * the check found in a file. A key is a hash of everything the value depends on, the code
 * included, so nothing in here is ever stale, only unused. Every file is written under a
 * temporary name and renamed into place: a killed build never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Memo } from '../memo.js';
import { sha256 } from './hash.js';

export class Cache {
  readonly objects: string;
  readonly records: string;

  constructor(readonly dir: string) {
    this.objects = path.join(dir, 'objects');
    this.records = path.join(dir, 'records');
    fs.mkdirSync(this.objects, { recursive: true });
    fs.mkdirSync(this.records, { recursive: true });
  }

  /** Store bytes (once) and return their hash. */
  putObject(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const file = this.objectPath(hash);
    if (!fs.existsSync(file)) writeAtomic(file, bytes);
    return hash;
  }

  objectPath(hash: string): string {
    return path.join(this.objects, hash);
  }

  /** The object's bytes, if the cache has them whole (`size` given: checked). */
  readObject(hash: string, size?: number): Uint8Array | undefined {
    try {
      const bytes = fs.readFileSync(this.objectPath(hash));
      return size === undefined || bytes.length === size ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  hasObject(hash: string, size: number): boolean {
    try {
      return fs.statSync(this.objectPath(hash)).size === size;
    } catch {
      return false;
    }
  }

  /** The record under `key`, marked as used now (see prune). */
  get<T>(key: string): T | undefined {
    const file = this.recordPath(key);
    let value: T;
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
    touch(file);
    return value;
  }

  set(key: string, value: unknown): void {
    writeAtomic(this.recordPath(key), JSON.stringify(value));
  }

  private recordPath(key: string): string {
    return path.join(this.records, `${sha256(key)}.json`);
  }

  /** A memo for exporters of this code version: its results are objects, found by a record. */
  memo(version: string): Memo {
    return async (key, make) => {
      const record = `memo\0${version}\0${key}`;
      const kept = this.get<{ object: string; size: number }>(record);
      const bytes = kept && this.readObject(kept.object, kept.size);
      if (bytes) return bytes;
      const made = await make();
      try {
        this.set(record, { object: this.putObject(made), size: made.length });
      } catch {
        // a read-only cache: made again next time
      }
      return made;
    };
  }

  /**
   * Remove records not used for `maxAgeMs`, and the objects that no remaining record (nor
   * `keep`, the current dist/) names. Objects written lately stay: a build running beside
   * this one may not have recorded them yet.
   */
  prune(keep: Set<string>, maxAgeMs = MAX_AGE_MS): void {
    const now = Date.now();
    let removed = false;
    const live: string[] = [];
    for (const name of fs.readdirSync(this.records)) {
      const file = path.join(this.records, name);
      if (now - fs.statSync(file).mtimeMs > maxAgeMs) {
        fs.rmSync(file, { force: true });
        removed = true;
      } else live.push(file);
    }
    if (!removed) return;
    const named = new Set(keep);
    for (const file of live) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/"(?:object|sha256)":"([0-9a-f]{64})"/g)) named.add(match[1]!);
    }
    for (const name of fs.readdirSync(this.objects)) {
      const file = path.join(this.objects, name);
      if (!named.has(name) && now - fs.statSync(file).mtimeMs > GRACE_MS) fs.rmSync(file, { force: true });
    }
  }
}

/** Records unused for two weeks go, with the objects only they named. */
export const MAX_AGE_MS = 14 * 24 * 3600_000;
/** Longer than any build takes. */
const GRACE_MS = 3600_000;

export function writeAtomic(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache is never pruned either
  }
}
