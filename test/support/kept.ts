/** Looking at the results a build cache keeps (src/keep.ts, Store.keeper). */
import fs from 'node:fs';
import path from 'node:path';

/** Every kept file under the cache folder `dir`, for all versions of the exporters. */
export function keptFiles(dir: string): string[] {
  const root = path.join(dir, 'kept');
  return fs.readdirSync(root).flatMap((v) => fs.readdirSync(path.join(root, v)).map((f) => path.join(root, v, f)));
}
