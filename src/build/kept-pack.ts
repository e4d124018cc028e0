/**
 * What exporters keep between builds (see keep.ts: font subsets, card layouts, QR codes), in
 * packs: each thread of a build appends what it keeps to one file of its own in the folder of
 * the exporters' version, and reads every pack of that folder once, at its first look-up.
 *
 * Why not a file per result: on the build machine creating a file cost 0.05–1.3 ms of kernel
 * time, and appending to one 0.03 ms. Its file system (ext4 without a journal) does not hand
 * out the inode of a file deleted in the last minute or more, and steps over every such inode
 * on each new file, so the cost grows with what was deleted lately. A cold build kept 72
 * results: 72 new files, now one per thread.
 *
 * A record is "PSK1", the sha256 of its key (32 bytes), the length of its bytes (4 bytes,
 * little-endian), the first 8 bytes of their sha256, then the bytes. A reader takes a pack's
 * records up to the first one that is cut short or fails its check: a build killed mid-write
 * loses only what it was writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Keep } from '../keep.js';
import { namesEndingWith, olderThan, timeOrderedName, writeAtomic } from './files.js';

const MAGIC = Buffer.from('PSK1');
const HEADER = MAGIC.length + 32 + 4 + 8;
const PACK = '.pack';
/** More packs than this in one folder, and the old ones are merged into one (see compactPacks). */
const MAX_PACKS = 16;

export class PackedKeep implements Keep {
  /** Every record of the folder by key hash, read at the first look-up. */
  private entries?: Map<string, Uint8Array>;
  /** This thread's pack, made at its first new record. */
  private pack?: string;

  constructor(readonly dir: string) {}

  async get(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const id = createHash('sha256').update(key).digest();
    const entries = this.load();
    const found = entries.get(id.toString('hex'));
    // A copy: the record is a view into its whole pack, which a worker's message would carry along.
    if (found) return new Uint8Array(found);
    const bytes = await make();
    entries.set(id.toString('hex'), new Uint8Array(bytes));
    this.append(id, bytes);
    return bytes;
  }

  private load(): Map<string, Uint8Array> {
    if (!this.entries) this.entries = readPacks(this.dir);
    return this.entries;
  }

  private append(id: Buffer, bytes: Uint8Array): void {
    try {
      if (!this.pack) {
        fs.mkdirSync(this.dir, { recursive: true });
        this.pack = path.join(this.dir, timeOrderedName(PACK));
      }
      // One write per record: a reader beside this build sees whole records or a cut one.
      fs.appendFileSync(this.pack, encodeRecord(id, bytes));
    } catch {
      // a read-only cache: made again next time
    }
  }
}

/** Every record of the packs in `dir`, by key hash; later packs win (they hold the same bytes). */
export function readPacks(dir: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  for (const name of namesEndingWith(dir, PACK)) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, name));
    } catch {
      continue; // merged and removed meanwhile (see compactPacks)
    }
    for (const [id, value] of decodeRecords(bytes)) entries.set(id, value);
  }
  return entries;
}

/**
 * Merge the packs of `dir` into one when there are more than MAX_PACKS, so that a dev server
 * saving for hours, one pack per rebuild, does not make every thread open hundreds. Only packs
 * not written to for `graceMs` are merged: a build beside this one may still append to its own.
 */
export function compactPacks(dir: string, graceMs: number): void {
  const names = namesEndingWith(dir, PACK);
  if (names.length <= MAX_PACKS) return;
  const old = names.filter((name) => olderThan(path.join(dir, name), graceMs));
  if (old.length < 2) return;
  const records: Buffer[] = [];
  const merged: string[] = [];
  for (const name of old) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, name));
    } catch {
      continue; // merged by a build beside this one
    }
    for (const [id, value] of decodeRecords(bytes)) records.push(encodeRecord(Buffer.from(id, 'hex'), value));
    merged.push(name);
  }
  // Written whole before the packs it replaces are removed, and sorted before any pack begun since.
  writeAtomic(path.join(dir, `${old[0]!.slice(0, -PACK.length)}-merged${PACK}`), records);
  for (const name of merged) fs.rmSync(path.join(dir, name), { force: true });
}

export function encodeRecord(id: Buffer, bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return Buffer.concat([MAGIC, id, length, check(bytes), bytes]);
}

/** The whole records of a pack, in order, as [key hash in hex, bytes]. */
export function* decodeRecords(pack: Buffer): Generator<[string, Uint8Array]> {
  let at = 0;
  while (at + HEADER <= pack.length && pack.subarray(at, at + MAGIC.length).equals(MAGIC)) {
    const id = pack.subarray(at + 4, at + 36).toString('hex');
    const length = pack.readUInt32LE(at + 36);
    const start = at + HEADER;
    const bytes = pack.subarray(start, start + length);
    if (bytes.length < length || !check(bytes).equals(pack.subarray(at + 40, at + 48))) return;
    yield [id, bytes];
    at = start + length;
  }
}

function check(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest().subarray(0, 8);
}
