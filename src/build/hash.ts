/**
 * Content hashes for the cache. A job's key covers everything that can change its bytes:
 * the texts it is made from, the UI strings, the site settings, the reproducibility date and
 * the code (codeVersion, which covers the fonts too: they come with the locked npm packages).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE } from '../config.js';
import { codeVersion } from './code-version.js';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A hash of named parts; the names keep `a|bc` and `ab|c` apart. */
export function hashParts(parts: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  for (const [name, value] of Object.entries(parts)) {
    hash.update(`${name}\0${value === undefined ? '\u0001' : value.length}\0`);
    if (value !== undefined) hash.update(value);
  }
  return hash.digest('hex');
}

/**
 * The checkout this code runs from: the nearest folder above this module with src/ and
 * package.json (compiled code runs from .cache/code/<hash>/, at another depth).
 */
export const PROJECT_DIR = projectDir(path.dirname(fileURLToPath(import.meta.url)));

function projectDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

let code: string | undefined;

/** codeVersion() of this checkout, once per thread. */
export function thisCodeVersion(): string {
  return (code ??= codeVersion(PROJECT_DIR));
}

/**
 * The settings that reach the output: site settings, SOURCE_DATE_EPOCH, and the compressors
 * and ICU data built into Node (zlib for PDF streams, Brotli for web fonts, dates), whose
 * output may change with their versions.
 */
export function configVersion(env: NodeJS.ProcessEnv = process.env): string {
  const { zlib, brotli, icu, cldr } = process.versions as Record<string, string | undefined>;
  return sha256(JSON.stringify({ SITE, sourceDateEpoch: env.SOURCE_DATE_EPOCH ?? '', zlib, brotli, icu, cldr }));
}
