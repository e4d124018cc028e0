/**
 * Content hashes for the cache. An artefact's key covers everything that can change its
 * bytes: the texts it is made from, the UI strings, the fonts, the site config, the
 * reproducibility date and the code (every file under src/ plus the locked dependencies).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONTS } from '../fonts.js';
import { SITE } from '../config.js';
import { readJson, writeAtomic } from './files.js';
import { COMPILED_DIR } from '../compiled.js';

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
 * The project checkout this code runs from (where src/ and package-lock.json live): the nearest
 * folder above this module with both. Searched, not counted, because compiled code runs from
 * .cache/code/<hash>/ (see src/cli/launch.js), at another depth than src/build/.
 */
export const PROJECT_DIR = projectDir(path.dirname(fileURLToPath(import.meta.url)));

function projectDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

/**
 * Hash of the code that makes one kind of artefact: the TypeScript files its render module
 * imports (directly or not), every other file under src/ (assets an exporter may read), and
 * the lock file. So a change to the checker does not re-render PDFs, and a change to the PDF
 * exporter does not re-render images.
 */
export function codeVersion(entry: string, projectDir = PROJECT_DIR): string {
  if (projectDir !== PROJECT_DIR || !COMPILED_DIR) return hashCode(entry, projectDir);
  return compiledVersions().get(entry);
}

let compiled: { get(entry: string): string } | undefined;

/**
 * Code versions kept beside the compiled code: its folder stands for one state of src/, so
 * only the lock file can change their values. Hashing the import closures took about 25 ms
 * of every build. (A dev server whose src/ is edited under it goes on with the versions of
 * the code it runs.)
 */
function compiledVersions(): { get(entry: string): string } {
  if (compiled) return compiled;
  const file = path.join(COMPILED_DIR!, 'versions.json');
  const lock = sha256(readOr(path.join(PROJECT_DIR, 'package-lock.json')));
  const kept = readJson(file) as { lock?: string; versions?: Record<string, string> } | undefined;
  const usable = kept?.lock === lock && typeof kept.versions === 'object' && kept.versions !== null && !Array.isArray(kept.versions);
  const versions: Record<string, string> = usable ? { ...kept.versions } : {};
  compiled = {
    get(entry) {
      if (typeof versions[entry] === 'string') return versions[entry];
      versions[entry] = hashCode(entry, PROJECT_DIR);
      try {
        writeAtomic(file, JSON.stringify({ lock, versions }));
      } catch {
        // a read-only checkout: hashed again next time
      }
      return versions[entry];
    },
  };
  return compiled;
}

function readOr(file: string): Buffer | string {
  try {
    return fs.readFileSync(file);
  } catch {
    return '';
  }
}

function hashCode(entry: string, projectDir: string): string {
  const src = path.join(projectDir, 'src');
  const all = listFiles(src);
  const files = new Set(all.filter((f) => !f.endsWith('.ts')));
  for (const f of importClosure(path.join(src, entry))) files.add(f);
  const rels = [...files].map((f) => path.relative(projectDir, f));
  rels.push('package-lock.json');
  const hash = createHash('sha256');
  for (const rel of rels.sort()) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(projectDir, rel));
    } catch {
      continue;
    }
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

// Relative imports, re-exports and dynamic imports of local modules.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** `entry` and every local .ts file it imports, transitively. */
export function importClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return;
    }
    seen.add(file);
    for (const match of text.matchAll(IMPORT)) visit(path.resolve(path.dirname(file), match[1]).replace(/\.js$/, '.ts'));
  };
  visit(entry);
  return seen;
}

/** The render module behind each kind of job. */
export const RENDER_MODULES = { page: 'render/html.ts', site: 'render/html.ts', pdf: 'render/pdf.ts', images: 'render/images.ts' } as const;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out;
}

/** Hash of every font file and licence in the catalogue. */
export function fontsVersion(): string {
  const hash = createHash('sha256');
  for (const font of Object.values(FONTS)) {
    for (const file of [font.file, font.licence]) hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * The settings that reach the output: site config, SOURCE_DATE_EPOCH, and the compressors
 * built into Node (zlib for PDF streams, Brotli for web fonts), whose bytes may change with
 * their versions: after a Node update the files are made again rather than mixed.
 */
export function configVersion(env: NodeJS.ProcessEnv = process.env): string {
  const { zlib, brotli } = process.versions as Record<string, string | undefined>;
  return sha256(JSON.stringify({ SITE, sourceDateEpoch: env.SOURCE_DATE_EPOCH ?? '', zlib, brotli }));
}
