/**
 * The cache's file contents (blobs) in packs: a build appends the blobs it makes to one file
 * of its own, and when it is done writes the pack's index beside it (<name>.json: sha256 →
 * offset and size). Before, each blob was a file of its own, and a cold build created 101 of
 * them; creating a file is what costs on the build machine (see kept-pack.ts), appending does
 * not. A pack whose index was never written (a build killed first) is never read, and goes
 * once it is old.
 *
 * Blobs are not moved while they are used: a pack goes when none of its blobs is used any
 * more, and one that is mostly unused has what is still used copied into the pruning build's
 * pack first (see Store.prune).
 */
import fs from 'node:fs';
import path from 'node:path';
import { namesEndingWith, olderThan, readJson, timeOrderedName, writeAtomic } from './files.js';

interface Place {
  pack: string;
  offset: number;
  size: number;
}

const PACK = '.pack';

export class BlobPacks {
  /** Where each blob is, from every index, read at first need. */
  private places?: Map<string, Place>;
  /** This build's pack: its file, open, and what it holds so far. */
  private own?: { file: string; fd: number; size: number; index: Record<string, [number, number]> };

  constructor(readonly dir: string) {}

  /** The size of a blob in a pack, if one holds it. */
  size(hash: string): number | undefined {
    return this.index().get(hash)?.size;
  }

  /** A blob's bytes, if a pack holds it; undefined when it cannot be read (pruned meanwhile). */
  read(hash: string): Buffer | undefined {
    for (let attempt = 0; attempt < 2; attempt++) {
      const place = this.index().get(hash);
      if (!place) return undefined;
      try {
        const bytes = readAt(place);
        if (bytes.length === place.size) return bytes;
      } catch {
        // moved by a build that pruned the cache meanwhile: read the indexes again
      }
      this.places = undefined;
    }
    return undefined;
  }

  /** Append a blob to this build's pack. */
  append(hash: string, parts: Uint8Array[]): void {
    const own = this.open();
    let size = 0;
    for (const part of parts) {
      let done = 0;
      while (done < part.length) done += fs.writeSync(own.fd, part, done, part.length - done, own.size + size + done);
      size += part.length;
    }
    own.index[hash] = [own.size, size];
    this.index().set(hash, { pack: own.file, offset: own.size, size });
    own.size += size;
  }

  /** Write this build's index, which makes its blobs known to other builds, and close its pack. */
  finish(): void {
    const own = this.own;
    if (!own) return;
    this.own = undefined;
    fs.closeSync(own.fd);
    writeAtomic(indexFile(own.file), JSON.stringify(own.index));
  }

  /** Every pack with an index: its file, the blobs it holds, and their total size. */
  packs(): Array<{ pack: string; blobs: Map<string, number>; size: number }> {
    return namesEndingWith(this.dir, PACK).flatMap((name) => {
      const pack = path.join(this.dir, name);
      const index = readIndex(pack);
      if (!index) return [];
      const blobs = new Map(Object.entries(index).map(([hash, [, size]]) => [hash, size]));
      return [{ pack, blobs, size: [...blobs.values()].reduce((a, b) => a + b, 0) }];
    });
  }

  /** Remove a pack and its index, index first: a reader never finds an index without its pack. */
  remove(pack: string): void {
    fs.rmSync(indexFile(pack), { force: true });
    fs.rmSync(pack, { force: true });
    this.places = undefined;
  }

  /** Remove packs whose index was never written (their build was killed), once older than `graceMs`. */
  removeUnfinished(graceMs: number): void {
    for (const name of namesEndingWith(this.dir, PACK)) {
      const pack = path.join(this.dir, name);
      if (pack !== this.own?.file && !fs.existsSync(indexFile(pack)) && olderThan(pack, graceMs)) fs.rmSync(pack, { force: true });
    }
  }

  private index(): Map<string, Place> {
    if (this.places) return this.places;
    const places = new Map<string, Place>();
    for (const name of namesEndingWith(this.dir, PACK)) {
      const pack = path.join(this.dir, name);
      for (const [hash, [offset, size]] of Object.entries(readIndex(pack) ?? {})) places.set(hash, { pack, offset, size });
    }
    if (this.own) for (const [hash, [offset, size]] of Object.entries(this.own.index)) places.set(hash, { pack: this.own.file, offset, size });
    return (this.places = places);
  }

  private open(): NonNullable<BlobPacks['own']> {
    if (!this.own) {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = path.join(this.dir, timeOrderedName(PACK));
      this.own = { file, fd: fs.openSync(file, 'wx'), size: 0, index: {} };
    }
    return this.own;
  }
}

function readAt({ pack, offset, size }: Place): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  const fd = fs.openSync(pack, 'r');
  try {
    let done = 0;
    while (done < size) {
      const n = fs.readSync(fd, bytes, done, size - done, offset + done);
      if (n === 0) return bytes.subarray(0, done);
      done += n;
    }
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

function indexFile(pack: string): string {
  return `${pack.slice(0, -PACK.length)}.json`;
}

function readIndex(pack: string): Record<string, [number, number]> | undefined {
  const index = readJson(indexFile(pack));
  return index && typeof index === 'object' && !Array.isArray(index) ? (index as Record<string, [number, number]>) : undefined;
}

