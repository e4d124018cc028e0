/**
 * The build cache under .cache/build/: file contents stored once by sha256 (packs/, see
 * blob-packs.ts), and for each job key the list of artefacts it produced (jobs/<key>.json).
 * An unchanged job is answered from here without loading any exporter.
 *
 * Entries are written to a temporary name first and renamed into place, and blobs are
 * appended to the build's own pack, which other builds read only once its index is written:
 * a build killed mid-write never leaves a truncated entry or blob behind. Entries are also
 * checked against the sizes of their blobs on read.
 *
 * The cache creates few files: on the build machine creating one cost up to 1.3 ms of kernel
 * time (see kept-pack.ts). A cold build of seven languages created 395 files in dist/ and
 * here, and now creates about 170: blobs and what is derived from them go into one pack and
 * its index, kept results into one pack per thread (kept-pack.ts), the dev server's last
 * entry per job is a second name for the job's entry, and dist/ links files with the same
 * bytes (staging.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Artefact } from '../publication.js';
import type { Keep } from './renderers.js';
import { createHash } from 'node:crypto';
import { sha256 } from './hash.js';
import { linkAtomic, olderThan, readJson, writeAtomic } from './files.js';
import { PackedKeep, compactPacks } from './kept-pack.js';
import { BlobPacks } from './blob-packs.js';

/** An artefact without its bytes: what the cache and the manifest record. */
export type ArtefactInfo = Omit<Artefact, 'bytes'> & { sha256: string; size: number };

export class Store {
  readonly jobs: string;
  readonly latest: string;
  private readonly packs: BlobPacks;

  constructor(readonly dir: string) {
    this.jobs = path.join(dir, 'jobs');
    this.latest = path.join(dir, 'latest');
    for (const d of [this.jobs, this.latest]) fs.mkdirSync(d, { recursive: true });
    this.packs = new BlobPacks(path.join(dir, 'packs'));
  }

  /** Whether the cache holds the blob with this hash (this build's too, and other builds' that are done). */
  hasBlob(hash: string): boolean {
    return this.packs.size(hash) !== undefined;
  }

  /** The artefacts of a job key, when every one of their blobs is present and intact in size. */
  lookup(key: string): ArtefactInfo[] | undefined {
    const file = path.join(this.jobs, `${key}.json`);
    const infos = this.readEntry(file);
    if (infos) {
      this.used.add(key);
      touch(file); // in use: a build pruning meanwhile leaves it (see finishRun)
    }
    return infos;
  }

  /** Job keys this build looked up or recorded. */
  private readonly used = new Set<string>();

  /** What the job with this id made last time, whatever its inputs were then (the dev server's stand-in while it re-renders). */
  lookupLatest(jobId: string): ArtefactInfo[] | undefined {
    return this.readEntry(path.join(this.latest, `${sha256(jobId)}.json`));
  }

  private readEntry(file: string): ArtefactInfo[] | undefined {
    const infos = readJson(file);
    if (!Array.isArray(infos)) return undefined;
    for (const info of infos as ArtefactInfo[]) if (this.packs.size(info.sha256) !== info.size) return undefined;
    return infos;
  }

  /** Store a blob (if new) and describe the artefact. */
  put(artefact: Artefact): ArtefactInfo {
    const { bytes, ...meta } = artefact;
    return this.putParts({ ...meta, parts: [bytes] });
  }

  /** put() for an artefact made of consecutive pieces, written without joining them first. */
  putParts(artefact: Omit<Artefact, 'bytes'> & { parts: Uint8Array[] }): ArtefactInfo {
    const { parts, ...meta } = artefact;
    const digest = createHash('sha256');
    let size = 0;
    for (const part of parts) {
      digest.update(part);
      size += part.length;
    }
    const hash = digest.digest('hex');
    if (!this.hasBlob(hash)) this.packs.append(hash, parts);
    return { ...meta, sha256: hash, size };
  }

  /**
   * Something made from a blob's bytes alone (e.g. its deflated form for the zips), kept
   * in the packs beside the blobs under `kind`, which must name everything else it depends
   * on; it goes when its blob goes (see prunePacks).
   */
  derived(kind: string, hash: string, make: () => Uint8Array): Uint8Array {
    const id = derivedId(kind, hash);
    const kept = this.packs.read(id);
    if (kept) return kept;
    const bytes = make();
    this.packs.append(id, [bytes]);
    return bytes;
  }

  /**
   * A Keep (see keep.ts) in this cache, for exporters of this version: .cache/build/kept/
   * holds a folder of packs per version (see kept-pack.ts), and marks it as used now (see
   * pruneKept).
   */
  keeper(version: string): Keep {
    const dir = path.join(this.dir, 'kept', sha256(version).slice(0, 16));
    markUsed(dir);
    return new PackedKeep(dir);
  }

  /**
   * Remove the kept results of all but the `keep` most recently used versions of the
   * exporters: every change to the code makes a new version, and the old ones are never read
   * again unless the code goes back.
   */
  pruneKept(keep = KEPT_VERSIONS): void {
    const root = path.join(this.dir, 'kept');
    let dirs: { full: string; used: number }[];
    try {
      dirs = fs.readdirSync(root).map((name) => ({ full: path.join(root, name), used: fs.statSync(path.join(root, name)).mtimeMs }));
    } catch {
      return;
    }
    dirs.sort((a, b) => b.used - a.used);
    for (const { full } of dirs.slice(keep)) fs.rmSync(full, { recursive: true, force: true });
    for (const { full } of dirs.slice(0, keep)) compactPacks(full, GRACE_MS);
  }

  record(key: string, infos: ArtefactInfo[], jobId?: string): void {
    const entry = path.join(this.jobs, `${key}.json`);
    writeAtomic(entry, JSON.stringify(infos));
    // The same text: a second name for the entry costs far less than a second file (see kept-pack.ts).
    if (jobId) linkAtomic(entry, path.join(this.latest, `${sha256(jobId)}.json`));
    this.used.add(key);
  }

  /**
   * Forget what builds made last for jobs that no longer exist (a statement or a language
   * removed or renamed), unless written lately: it kept their files in the cache for good.
   */
  forgetLatest(jobIds: Iterable<string>): void {
    const current = new Set([...jobIds].map((id) => `${sha256(id)}.json`));
    for (const name of fs.readdirSync(this.latest)) {
      if (current.has(name)) continue;
      const file = path.join(this.latest, name);
      if (olderThan(file, GRACE_MS)) fs.rmSync(file, { force: true });
    }
  }

  /**
   * Note this build in runs/: the job entries it used and the blobs of the dist/ it wrote.
   * Each edit adds new PDFs, images and zips to the cache (6 MB for one changed language), so
   * once PRUNE_AFTER builds are noted, what none of the last KEEP_RUNS used is removed: job
   * entries, the blobs no remaining entry or dist/ names, and what was derived from those.
   * Anything written or used in the last GRACE_MS stays, for a build running beside this one.
   */
  finishRun(distBlobs: Iterable<string>, whole = true): void {
    const runs = path.join(this.dir, 'runs');
    fs.mkdirSync(runs, { recursive: true });
    // Builds of part of the content (--lang, --statement, --only) are noted apart: the note of
    // the last whole build stays however many partial ones follow, so that ten `--lang fa`
    // builds in a row do not make the next whole build render every language again.
    const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${counter++}${whole ? '' : PART}.json`;
    writeAtomic(path.join(runs, name), JSON.stringify({ keys: [...this.used], blobs: [...new Set(distBlobs)] }));
    const noted = fs.readdirSync(runs).filter((n) => n.endsWith('.json')).sort();
    if (noted.length > PRUNE_AFTER) this.prune(runs, noted);
    this.finish();
  }

  private prune(runs: string, noted: string[]): void {
    const keys = new Set<string>();
    const blobs = new Set<string>();
    const lastWhole = noted.findLast((n) => !n.endsWith(`${PART}.json`));
    const kept = new Set([...noted.slice(-KEEP_RUNS), ...(lastWhole ? [lastWhole] : [])]);
    for (const name of kept) {
      const run = readJson(path.join(runs, name)) as { keys?: unknown; blobs?: unknown } | undefined;
      if (!run || !Array.isArray(run.keys) || !Array.isArray(run.blobs)) {
        // Unsure what is in use: keep everything this time, and forget the unreadable note.
        fs.rmSync(path.join(runs, name), { force: true });
        return;
      }
      for (const key of run.keys) keys.add(String(key));
      for (const hash of run.blobs) blobs.add(String(hash));
    }
    const old = (file: string) => olderThan(file, GRACE_MS);
    // Entries no kept build used, and files left by builds that were killed mid-write.
    for (const name of fs.readdirSync(this.jobs)) {
      const file = path.join(this.jobs, name);
      if (!(name.endsWith('.json') && keys.has(name.slice(0, -5))) && old(file)) fs.rmSync(file, { force: true });
    }
    // Blobs still named by a job entry, or by what the dev server shows while it renders.
    for (const dir of [this.jobs, this.latest]) {
      for (const name of fs.readdirSync(dir)) {
        const infos = name.endsWith('.json') ? (readJson(path.join(dir, name)) as ArtefactInfo[] | undefined) : undefined;
        if (!Array.isArray(infos)) continue;
        for (const info of infos) blobs.add(info.sha256);
      }
    }
    this.prunePacks(blobs);
    for (const name of noted) if (!kept.has(name)) fs.rmSync(path.join(runs, name), { force: true });
  }

  /**
   * Remove the packs that hold no blob in use, and those that hold mostly unused ones once what
   * is used in them is copied into this build's pack; only packs not written to lately.
   */
  private prunePacks(used: Set<string>): void {
    const gone: string[] = [];
    for (const { pack, blobs, size } of this.packs.packs()) {
      if (!olderThan(pack, GRACE_MS)) continue;
      // A derived entry lives as long as its blob.
      const live = [...blobs].filter(([id]) => used.has(id.slice(id.indexOf('/') + 1)));
      const liveSize = live.reduce((sum, [, n]) => sum + n, 0);
      if (liveSize * 2 >= size) continue;
      for (const [hash] of live) {
        const bytes = this.packs.read(hash);
        if (!bytes) return; // unreadable: leave everything as it is this time
        this.packs.append(hash, [bytes]);
      }
      gone.push(pack);
    }
    // What moved is known from the new index before the old packs go.
    this.packs.finish();
    for (const pack of gone) this.packs.remove(pack);
    this.packs.removeUnfinished(GRACE_MS);
    // The folders of blobs and derived entries before packs: nothing reads them any more.
    for (const dir of ['blobs', 'derived']) fs.rmSync(path.join(this.dir, dir), { recursive: true, force: true });
  }

  read(info: ArtefactInfo): Uint8Array {
    const bytes = this.packs.read(info.sha256);
    if (!bytes) throw new Error(`The build cache lost ${info.path} (blob ${info.sha256}) while the build ran; run the build again.`);
    return bytes;
  }

  /**
   * Make the blobs this build wrote known to other builds (see BlobPacks.finish): once it has
   * published, or failed after rendering, so that the next build finds them. Best effort.
   */
  finish(): void {
    try {
      this.packs.finish();
    } catch {
      // the next build renders them again
    }
  }
}

/** The id in the packs of what `derived(kind, hash)` keeps: the kind's hash, then the blob's. */
function derivedId(kind: string, hash: string): string {
  return `${sha256(kind).slice(0, 16)}/${hash}`;
}

/** Versions of the exporters whose kept results stay (see pruneKept). */
const KEPT_VERSIONS = 4;

/** The end of the name of a partial build's note (see finishRun). */
const PART = '-part';

/** Builds whose job entries and blobs stay, and how many are noted before the rest are removed (see finishRun). */
export const KEEP_RUNS = 10;
export const PRUNE_AFTER = 20;
/** Longer than any build takes: what a build running beside the pruning one wrote or used stays. */
export const GRACE_MS = 10 * 60_000;

function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache is never pruned either
  }
}

function markUsed(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    return; // a read-only cache: results are made again, not kept
  }
  touch(dir);
}

/** Tells apart the notes of builds that finish in the same millisecond (see finishRun). */
let counter = 0;
