/**
 * The release zips of a build (zips.ts writes the format): which bundles to make, which the
 * cache already has, and the files' bytes, checksums and deflated text, gathered while the
 * jobs are still rendering. After one edit the PDF worker finishes last and this thread waits
 * for it; what it can do for the zips meanwhile no longer follows the last job (about 30 ms
 * of reading and checksumming on two cores).
 */
import type { ArtefactInfo, Store } from './store.js';
import { codeVersion, hashParts, sha256 } from './hash.js';
import { DEFLATE_VERSION, deflateText, planZips, prepareEntry, zipParts, zipTime, type Deflater } from './zips.js';

export class ZipSources {
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly deflated = new Map<string, Uint8Array>();

  constructor(private readonly store: Store) {}

  /**
   * Get these files ready for the zips: read (unless their bytes are given), checksum and,
   * for text, deflate (a text file's deflated form is kept in the cache, so an edit deflates
   * one page, not every page).
   */
  prepare(infos: ArtefactInfo[], given?: Uint8Array[]): void {
    for (const [i, info] of infos.entries()) {
      if (info.kind === 'zip' || info.kind === 'manifest') continue;
      if (given?.[i]) this.bytes.set(info.sha256, given[i]);
      prepareEntry({ path: info.path, bytes: this.read(info), sha256: info.sha256 }, this.deflate);
    }
  }

  /**
   * prepare() once this thread is free for a moment (it runs in a pause of the jobs). Best
   * effort: what fails here, or comes too late, bundle() does itself.
   */
  prepareSoon(infos: ArtefactInfo[]): void {
    setImmediate(() => {
      try {
        this.prepare(infos);
      } catch {
        // a build that ended meanwhile, or a cache entry gone: bundle() reads for itself
      }
    });
  }

  read(info: ArtefactInfo): Uint8Array {
    let bytes = this.bytes.get(info.sha256);
    if (!bytes) this.bytes.set(info.sha256, (bytes = this.store.read(info)));
    return bytes;
  }

  readonly deflate: Deflater = (file) => {
    const hash = file.sha256 ?? sha256(file.bytes);
    let out = this.deflated.get(hash);
    if (!out) this.deflated.set(hash, (out = this.store.derived(`zip deflate ${DEFLATE_VERSION}`, hash, () => deflateText(file.bytes))));
    return out;
  };
}

/**
 * The zips for these files: from the cache when their entries and the zip code (the writer
 * and its deflater) are unchanged, else written now, and handed to `made` with their bytes.
 */
export function bundle(
  store: Store,
  sources: ZipSources,
  files: ArtefactInfo[],
  slugs: Set<string>,
  env: NodeJS.ProcessEnv,
  { code = `${codeVersion('build/zips.ts')} ${DEFLATE_VERSION}`, made }: { code?: string; made?: (info: ArtefactInfo, parts: Uint8Array[]) => void } = {},
): ArtefactInfo[] {
  const mtime = zipTime(env);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const zips: ArtefactInfo[] = [];
  for (const plan of planZips(files.map((f) => f.path), slugs)) {
    const entries = plan.entries.map((e) => ({ entry: e.entry, info: byPath.get(e.from)! }));
    const key = hashParts({ kind: 'zip', path: plan.path, code, mtime: String(mtime.getTime()), entries: entries.map((e) => `${e.entry}=${e.info.sha256}`).join('\n') });
    const hit = store.lookup(key);
    if (hit) {
      zips.push(...hit);
      continue;
    }
    const inputs = entries.map((e) => ({ path: e.entry, bytes: sources.read(e.info), sha256: e.info.sha256 }));
    const parts = zipParts(inputs, mtime, sources.deflate);
    const info = store.putParts({ path: plan.path, parts, kind: 'zip', slug: plan.slug, lang: plan.lang });
    made?.(info, parts);
    store.record(key, [info]);
    zips.push(info);
  }
  return zips;
}
