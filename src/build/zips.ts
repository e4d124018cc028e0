/**
 * Release bundles that open offline: `release/<slug>-<lang>.zip` (page, PDFs, images, fonts,
 * licences of one language), `release/<slug>-all.zip` (every language) and `release/<lang>.zip`
 * (every statement in one language, from that language's home page), each with the site
 * files its pages link to and a README.txt in its languages.
 * Deterministic: entries sorted by path, one fixed timestamp, fixed attributes; files that
 * are compressed already are stored, not deflated again.
 */
import { ZipFile } from 'yazl';
import { bundlePaths } from '../export/html/bundle-readme.js';
import { artefactPaths, languageBundlePath } from '../publication.js';

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
    for (const lang of langs) plans.push({ path: artefactPaths(slug, lang).bundle, slug, lang, entries: bundlePaths(paths, { slug, lang }), entry: `${slug}/${lang}/index.html` });
  }
  // Everything in one language, for a reader who passes the whole collection on.
  const bundled = new Set(plans.map((p) => p.lang).filter((l): l is string => l !== undefined));
  for (const lang of [...bundled].sort()) {
    if (!paths.includes(`${lang}/index.html`)) continue;
    plans.push({ path: languageBundlePath(lang), lang, entries: bundlePaths(paths, { lang }), entry: `${lang}/index.html` });
  }
  return plans.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const STORED = /\.(png|jpe?g|pdf|woff2?|zip|gz)$/i;

/**
 * A ZIP of `files`, the same bytes for the same files and `mtime`: entries sorted by path, one
 * DOS timestamp and no extended-time field, each a plain file readable by all.
 */
export async function makeZip(files: Array<{ path: string; bytes: Uint8Array }>, mtime: Date): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
    zip.addBuffer(bytes, file.path, { mtime, mode: 0o100644, forceDosTimestamp: true, compressionLevel: STORED.test(file.path) ? 0 : 6 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** DOS timestamps start in 1980; without SOURCE_DATE_EPOCH the bundles use that first day. */
export function zipTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const utc = new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 1));
  // ZIP's DOS time fields are local time: a local date with the UTC fields keeps the bytes
  // the same in every time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
