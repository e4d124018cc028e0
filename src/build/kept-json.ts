/**
 * Small results kept between builds as JSON files, one per key, in one folder: what parsing
 * or checking a file gave last time, when its text has not changed since. Each entry's name
 * is a hash of the code version and the key, so an entry is never read for other input or by
 * other code. Entries a run did not use are pruned, so the folder holds about one per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from './hash.js';
import { GRACE_MS } from './store.js';
import { olderThan, readJson, writeAtomic } from './files.js';

export class KeptJson<T> {
  private readonly used = new Set<string>();

  /** `version`: the version of the code that makes the values (see codeVersion). */
  constructor(
    readonly dir: string,
    private readonly version: string,
  ) {}

  get(key: string): T | undefined {
    const name = this.name(key);
    this.used.add(name);
    // Undefined when not kept yet (or not JSON): made again.
    return readJson(path.join(this.dir, name)) as T | undefined;
  }

  set(key: string, value: T): void {
    const name = this.name(key);
    this.used.add(name);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      writeAtomic(path.join(this.dir, name), JSON.stringify(value));
    } catch {
      // a read-only cache: made again next time
    }
  }

  /**
   * Remove the entries this run did not use, unless written lately: a build or dev server
   * beside this one may be using them.
   */
  prune(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      if (!this.used.has(name) && olderThan(file, GRACE_MS)) fs.rmSync(file, { force: true });
    }
  }

  private name(key: string): string {
    return `${sha256(`${this.version}\0${key}`)}.json`;
  }
}
