/**
 * Release bundles: `release/<slug>-<lang>.zip` (everything under `<slug>/<lang>/`: page,
 * PDFs, images, fonts, licences) and `release/<slug>-all.zip` (everything under `<slug>/`).
 * Deterministic: entries sorted by path, one fixed timestamp; files that are compressed
 * already are stored, not deflated again. fflate writes the ZIP container.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipPlan {
  path: string;
  slug: string;
  /** Absent for the `-all` bundle. */
  lang?: string;
  /** `from`: path under dist/; `entry`: path inside the zip. */
  entries: Array<{ from: string; entry: string }>;
}

/** The zips for the files at these dist/ paths, of the statements in `slugs`. */
export function planZips(paths: string[], slugs: Set<string>): ZipPlan[] {
  const zips = new Map<string, ZipPlan>();
  const add = (slug: string, lang: string | undefined, from: string, entry: string) => {
    const zip = `release/${slug}-${lang ?? 'all'}.zip`;
    if (!zips.has(zip)) zips.set(zip, { path: zip, slug, lang, entries: [] });
    zips.get(zip)!.entries.push({ from, entry });
  };
  for (const p of paths) {
    const parts = p.split('/');
    const [slug, lang] = parts;
    // Site-wide folders (release/, feeds/, fonts/ of the index) belong to no statement.
    if (parts.length < 2 || !slugs.has(slug!)) continue;
    // `<slug>/index.html` (the language picker) goes in the -all bundle only.
    add(slug!, undefined, p, p);
    if (parts.length >= 3) add(slug!, lang, p, [`${slug}-${lang}`, ...parts.slice(2)].join('/'));
  }
  return [...zips.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Made on Unix, a plain file readable by all: unzip gives the same files everywhere. */
const UNIX = 3;
const FILE_MODE = 0o100644 << 16;

const STORED = /\.(png|jpe?g|pdf|woff2?|zip|gz)$/i;

export function makeZip(files: Array<{ path: string; bytes: Uint8Array }>, mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    tree[file.path] = [file.bytes, { level: STORED.test(file.path) ? 0 : 6, mtime, os: UNIX, attrs: FILE_MODE }];
  }
  return zipSync(tree);
}

/** DOS timestamps start in 1980; without SOURCE_DATE_EPOCH the bundles use that first day. */
export function zipTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const utc = new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
  // ZIP's DOS time fields are local time: a local date with the UTC fields keeps the bytes
  // the same in every time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
