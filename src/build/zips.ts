/**
 * Release bundles: `release/<slug>-<lang>.zip` (everything under `<slug>/<lang>/`: page,
 * PDFs, images, fonts, licences) and `release/<slug>-all.zip` (everything under `<slug>/`).
 * Deterministic: entries sorted by path, one fixed timestamp, fixed attributes. Files that
 * are already compressed are stored, not deflated again.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipInput {
  path: string;
  bytes: Uint8Array;
}

const STORED = /\.(png|jpe?g|pdf|woff2?|zip|gz)$/i;

/** DOS timestamps start in 1980; without SOURCE_DATE_EPOCH the bundles use that first day. */
export function zipTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const utc = new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
  // fflate writes local-time fields; build a local date with the UTC fields so the bytes
  // do not depend on the machine's time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

export function makeZip(files: ZipInput[], mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    zippable[file.path] = [file.bytes, { level: STORED.test(file.path) ? 0 : 9, mtime, os: 3, attrs: 0o644 << 16 }];
  }
  return zipSync(zippable);
}

export interface ZipPlan {
  path: string;
  slug: string;
  /** Absent for the `-all` bundle. */
  lang?: string;
  /** `from`: path under dist/; `entry`: path inside the zip. */
  entries: Array<{ from: string; entry: string }>;
}

/** Which bundles to make from the files under dist/, in path order. */
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
    if (parts.length < 2 || !slugs.has(slug)) continue;
    // `<slug>/index.html` (the language picker) goes in the -all bundle only.
    add(slug, undefined, p, p);
    if (parts.length >= 3) add(slug, lang, p, [`${slug}-${lang}`, ...parts.slice(2)].join('/'));
  }
  return [...zips.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
