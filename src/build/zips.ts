/**
 * Release bundles: `release/<slug>-<lang>.zip` (everything under `<slug>/<lang>/`: page,
 * PDFs, images, fonts, licences) and `release/<slug>-all.zip` (everything under `<slug>/`).
 * Deterministic: entries sorted by path, one fixed timestamp, fixed attributes. Files that
 * are already compressed are stored, not deflated again.
 *
 * The ZIP container is written here (APPNOTE 6.3: local headers, central directory, end
 * record; no ZIP64, bundles stay far below 4 GB). Text files are deflated by Node's zlib, as
 * the PDFs' streams are (the cache keys name its version, see configVersion); the build keeps
 * each file's deflated form in its cache, so a file is deflated once, not once per bundle and
 * build. The CRC-32 of a stored file, most of the bytes, comes from Node's zlib where it has
 * one: a CRC is the same number on every machine.
 */
import zlib from 'node:zlib';

export interface ZipInput {
  path: string;
  bytes: Uint8Array;
  /** The bytes' SHA-256, when the caller knows it (a key for kept deflated forms). */
  sha256?: string;
}

/**
 * The deflated form of a text file, where the caller keeps them from build to build (the
 * build cache does); without one, deflateText.
 */
export type Deflater = (file: ZipInput) => Uint8Array;

const STORED = /\.(png|jpe?g|pdf|woff2?|zip|gz)$/i;

/** DOS timestamps start in 1980; without SOURCE_DATE_EPOCH the bundles use that first day. */
export function zipTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const utc = new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
  // ZIP's DOS time fields are local time; build a local date with the UTC fields so the bytes
  // do not depend on the machine's time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

export function makeZip(files: ZipInput[], mtime: Date, deflate: Deflater = (file) => deflateText(file.bytes)): Uint8Array {
  return Buffer.concat(zipParts(files, mtime, deflate));
}

/** The bytes of a zip file as consecutive pieces (a bundle need not be copied into one buffer to be written). */
export function zipParts(files: ZipInput[], mtime: Date, deflate: Deflater = (file) => deflateText(file.bytes)): Uint8Array[] {
  // zipTime() gives a local Date with the UTC fields: read them back with the local getters.
  const time = (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1);
  const date = ((mtime.getFullYear() - 1980) << 9) | ((mtime.getMonth() + 1) << 5) | mtime.getDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const name = Buffer.from(file.path, 'utf8');
    const stored = isStored(file.path);
    const data = stored ? file.bytes : deflate(file);
    const fields = { method: stored ? 0 : 8, time, date, crc: crc32(file.bytes), size: data.length, original: file.bytes.length, name: name.length };
    parts.push(localHeader(fields), name, data);
    central.push(centralHeader(fields, offset), name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return [...parts, ...central, end];
}

/** Already-compressed files are stored as they are; the rest is deflated. */
function isStored(path: string): boolean {
  return STORED.test(path);
}

/**
 * Do now what a file's entry needs (its CRC-32, its deflated form), so that writing the zip
 * later only puts the pieces together.
 */
export function prepareEntry(file: ZipInput, deflate: Deflater): void {
  crc32(file.bytes);
  if (!isStored(file.path)) deflate(file);
}

interface EntryFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  original: number;
  name: number;
}

// Version 2.0 needed; flag bit 11: the name is UTF-8.
const VERSION = 20;
const UTF8 = 0x0800;

function localHeader(f: EntryFields): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  writeEntryFields(h, 4, f);
  return h;
}

function centralHeader(f: EntryFields, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | VERSION, 4); // made on Unix, so the mode below counts
  writeEntryFields(h, 6, f);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
  h.writeUInt32LE(offset, 42);
  return h;
}

/** The fields both headers share, in the same order: version needed … name length. */
function writeEntryFields(h: Buffer, at: number, f: EntryFields): void {
  h.writeUInt16LE(VERSION, at);
  h.writeUInt16LE(UTF8, at + 2);
  h.writeUInt16LE(f.method, at + 4);
  h.writeUInt16LE(f.time, at + 6);
  h.writeUInt16LE(f.date, at + 8);
  h.writeUInt32LE(f.crc, at + 10);
  h.writeUInt32LE(f.size, at + 14);
  h.writeUInt32LE(f.original, at + 18);
  h.writeUInt16LE(f.name, at + 22);
}

/**
 * A text file deflated, level 6 (level 9 made these texts no smaller). By zlib, not fflate in
 * JavaScript, which it was: in a cold build fflate ran before V8 had compiled it, 60–75 ms of
 * CPU for the 20 texts of a statement (207 KB) against 5 ms, and zlib's files are 0.8 % smaller
 * (67.1 KB against 67.6 KB).
 */
export function deflateText(bytes: Uint8Array): Uint8Array {
  return zlib.deflateRawSync(bytes, { level: 6 });
}

/** What a deflated file depends on besides its bytes: kept with any stored deflated file. */
export const DEFLATE_VERSION = `zlib ${process.versions.zlib} level 6`;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

const crcs = new WeakMap<Uint8Array, number>();

function crc32(bytes: Uint8Array): number {
  let crc = crcs.get(bytes);
  if (crc === undefined) crcs.set(bytes, (crc = computeCrc32(bytes)));
  return crc;
}

function computeCrc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes);
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
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
