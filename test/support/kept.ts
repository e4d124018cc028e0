/** Looking at the results a build cache keeps (src/keep.ts, Store.keeper, src/build/kept-pack.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { decodeRecords, encodeRecord } from '../../src/build/kept-pack.js';

function packs(dir: string): string[] {
  const root = path.join(dir, 'kept');
  return fs.readdirSync(root).flatMap((v) =>
    fs
      .readdirSync(path.join(root, v))
      .filter((f) => f.endsWith('.pack'))
      .map((f) => path.join(root, v, f)),
  );
}

/** Every kept result under the cache folder `dir`, for all versions of the exporters: its version folder, key hash and bytes. */
export function keptEntries(dir: string): { version: string; id: string; bytes: Buffer }[] {
  return packs(dir).flatMap((file) =>
    [...decodeRecords(fs.readFileSync(file))].map(([id, bytes]) => ({ version: path.basename(path.dirname(file)), id, bytes: Buffer.from(bytes) })),
  );
}

/** Add `mark` to the end of every kept result, as if the cache had kept those bytes. */
export function markKept(dir: string, mark: string): void {
  for (const file of packs(dir)) {
    const records = [...decodeRecords(fs.readFileSync(file))].map(([id, bytes]) => encodeRecord(Buffer.from(id, 'hex'), Buffer.concat([bytes, Buffer.from(mark)])));
    fs.writeFileSync(file, Buffer.concat(records));
  }
}
