/**
 * Release bundles that open offline: `release/<slug>-<lang>.zip` (page, PDFs, images, fonts,
 * licences of one language), `release/<slug>-all.zip` (every language) and `release/<lang>.zip`
 * (every statement in one language, from that language's home page), each with the site
 * files its pages link to and a README.txt in its languages.
 * Deterministic: entries sorted by path, one fixed timestamp, fixed attributes; files that
 * are compressed already are stored, not deflated again.
 *
 * The container is written here (APPNOTE 6.3: local headers, central directory, end record;
 * no ZIP64) on Node's zlib, for its CRC-32 and deflate in C: fflate, which computes both in
 * JavaScript, took 200 ms of a cold build's 2.5 s for the eight bundles (see docs/performance.md).
 */
import zlib from 'node:zlib';
import { bundlePaths } from '../export/html/bundle-readme.js';

export interface ZipPlan {
  path: string;
  /** Absent for the bundle of every statement in one language. */
  slug?: string;
  /** Absent for the bundle of every language of the statement. */
  lang?: string;
  /** dist/ paths, kept as they are inside the zip so that relative links work (see bundlePaths). */
  entries: string[];
  /** The dist/ path of the page to open first, named in README.txt. */
  entry: string;
}

/**
 * The offline bundles of the statements in `slugs`: `release/<slug>-<lang>.zip` for each
 * language and `release/<slug>-all.zip`, each with the site files their pages link to.
 */
export function planZips(paths: string[], slugs: Set<string>): ZipPlan[] {
  const plans: ZipPlan[] = [];
  for (const slug of [...slugs].sort()) {
    const langs = [...new Set(paths.filter((p) => p.startsWith(`${slug}/`)).map((p) => p.split('/')[1]!).filter((l) => !l.includes('.')))].sort();
    if (langs.length === 0) continue;
    plans.push({ path: `release/${slug}-all.zip`, slug, entries: bundlePaths(paths, { slug }), entry: `${slug}/index.html` });
    for (const lang of langs) plans.push({ path: `release/${slug}-${lang}.zip`, slug, lang, entries: bundlePaths(paths, { slug, lang }), entry: `${slug}/${lang}/index.html` });
  }
  // Everything in one language, for a reader who passes the whole collection on.
  const langs = new Set(plans.map((p) => p.lang).filter((l): l is string => l !== undefined));
  for (const lang of [...langs].sort()) {
    if (!paths.includes(`${lang}/index.html`)) continue;
    plans.push({ path: `release/${lang}.zip`, lang, entries: bundlePaths(paths, { lang }), entry: `${lang}/index.html` });
  }
  return plans.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Made on Unix, a plain file readable by all: unzip gives the same files everywhere. */
const UNIX = 3;
const FILE_MODE = 0o100644 << 16;

const STORED = /\.(png|jpe?g|pdf|woff2?|zip|gz)$/i;

/** Deflated texts by their bytes' identity: the -all bundle and a language's share them. */
const deflated = new WeakMap<Uint8Array, Buffer>();

export function makeZip(files: Array<{ path: string; bytes: Uint8Array }>, mtime: Date): Uint8Array {
  const time = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1);
  const date = ((mtime.getFullYear() - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const name = Buffer.from(file.path, 'utf8');
    const stored = STORED.test(file.path);
    let data = stored ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length) : deflated.get(file.bytes);
    if (!data) deflated.set(file.bytes, (data = zlib.deflateRawSync(file.bytes, { level: 6 })));
    const fields = { method: stored ? 0 : 8, time, date, crc: zlib.crc32(file.bytes), size: data.length, original: file.bytes.length, name: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    header(local, 4, fields);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, by APPNOTE 2.0
    header(entry, 6, fields);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a plain file, readable by all
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The fields local and central headers share, from `at`: version needed, flags (UTF-8 names), method, time, sizes. */
function header(h: Buffer, at: number, f: { method: number; time: number; date: number; crc: number; size: number; original: number; name: number }): void {
  h.writeUInt16LE(20, at);
  h.writeUInt16LE(0x0800, at + 2);
  h.writeUInt16LE(f.method, at + 4);
  h.writeUInt16LE(f.time, at + 6);
  h.writeUInt16LE(f.date, at + 8);
  h.writeUInt32LE(f.crc, at + 10);
  h.writeUInt32LE(f.size, at + 14);
  h.writeUInt32LE(f.original, at + 18);
  h.writeUInt16LE(f.name, at + 22);
}

/** DOS timestamps start in 1980; without SOURCE_DATE_EPOCH the bundles use that first day. */
export function zipTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const utc = new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
  // ZIP's DOS time fields are local time: a local date with the UTC fields keeps the bytes
  // the same in every time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
