/**
 * The atomic dist/: a build writes into a fresh directory inside .cache/ (same file system
 * as dist/) and only a finished build is swapped in, by two renames that run back to back
 * in one synchronous step (no signal handler can run between them). A build that fails or
 * is interrupted removes its directory and leaves the previous dist/ as it was. Files the
 * build makes go in as they are made (stage); the rest, at the end, from the previous dist/
 * or the cache.
 *
 * A file that is the same as in the previous dist/ is hard-linked from there instead of being
 * copied again: on two cores, copying the 133 files of seven languages and deleting the old
 * ones took 60–70 ms of a 1 s rebuild. Only a file this build left exactly as it was is linked:
 * what the build wrote is recorded (.cache/dist-files.json: content hash, inode, size, times),
 * and a file changed or replaced in dist/ since then no longer matches, so it is copied anew
 * from the cache. So is a file a job makes again with the same bytes (stage), and a file with
 * the same bytes as another in the new dist/ is linked to it. Nothing in dist/ is ever linked
 * to the cache itself, so editing a file in dist/ can never change what later builds publish.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inside } from './paths.js';
import { readJson, writeAtomic, writePieces } from './files.js';

export class Staging {
  readonly dir: string;
  /** What the previous build wrote to dist/ (see reuse). */
  private readonly previous: DistFiles;

  /** `distDir`: the dist/ this build replaces, whose unchanged files are linked in (see reuse). */
  constructor(
    readonly cacheDir: string,
    private readonly distDir?: string,
  ) {
    fs.mkdirSync(cacheDir, { recursive: true });
    this.dir = path.join(cacheDir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.dir);
    this.previous = distDir ? previousDist(cacheDir) : {};
  }

  /** Files written in by stage(), by path: their content hash. */
  private readonly staged = new Map<string, string>();
  /** Set by discard(): a job that ends after the build has failed stages nothing. */
  private discarded = false;

  /**
   * Write a file in as soon as the build has made it, while the bytes are at hand, instead of
   * copying it from the cache at the end: a cold build of seven languages spent 115–150 ms
   * copying its 133 files after everything else was done. Never throws: a file that could not
   * be written here is left to copyAll, which reports the failure.
   */
  stage(rel: string, sha256: string, bytes: Uint8Array | Uint8Array[]): void {
    // Not after discard(): a job may end after the build has failed.
    const was = this.staged.get(rel);
    if (this.discarded || was === sha256) return;
    this.staged.delete(rel);
    try {
      const file = inside(this.dir, rel);
      this.mkdir(path.dirname(file));
      if (was !== undefined) {
        // Written anew, not over: the file there may be linked to another with its old bytes.
        fs.rmSync(file, { force: true });
        if (this.byContent.get(was) === file) this.byContent.delete(was);
      }
      // A file made again as it was (the site's feeds after one edit) is linked, not written.
      if (!this.linkIn(rel, file, sha256)) {
        if (Array.isArray(bytes)) writePieces(file, bytes);
        else fs.writeFileSync(file, bytes);
      }
      this.staged.set(rel, sha256);
      if (!this.byContent.has(sha256)) this.byContent.set(sha256, file);
    } catch {
      // copied at the end instead
    }
  }

  /** A staged file by content hash (the first staged with those bytes). */
  private readonly byContent = new Map<string, string>();

  /**
   * Link `file` to a staged file with the same bytes, if there is one. Every language folder
   * has the licences of its fonts, 32 of a cold build's 133 files repeat another: linked, they
   * are 32 files fewer to create (see kept-pack.ts for what creating one costs). Both names are
   * in dist/, never in the cache.
   */
  private linkSame(file: string, sha256: string): boolean {
    const same = this.byContent.get(sha256);
    if (!same) return false;
    try {
      fs.linkSync(same, file);
      return true;
    } catch {
      this.byContent.delete(sha256); // removed by settle(), or no hard links here
      return false;
    }
  }

  /**
   * Leave staged only what is among `files` (a build may drop a language whose exporter
   * failed after its other files were staged), and return the files still to be put in.
   */
  settle<T extends { path: string; sha256: string }>(files: T[]): T[] {
    const wanted = new Map(files.map((f) => [f.path, f.sha256]));
    for (const [rel, sha256] of this.staged) {
      if (wanted.get(rel) === sha256) continue;
      const file = inside(this.dir, rel);
      fs.rmSync(file, { force: true });
      this.staged.delete(rel);
      this.removeEmptyFolders(path.dirname(file));
    }
    return files.filter((f) => this.staged.get(f.path) !== f.sha256);
  }

  /**
   * Copy cached files in (reflinks where the file system can, else copies; or the bytes a
   * function gives, read from the cache's packs), several at a time
   * on libuv's threads: one after another, the 133 files of a cold build took 150–190 ms on the
   * build machine, where creating a file waited about 1 ms on the file system; side by side
   * 95–135 ms. Every copy settles before a failure is thrown, so that a discard() after it
   * leaves nothing behind.
   */
  async copyAll(files: Array<{ rel: string; from: string | (() => Uint8Array) }>): Promise<void> {
    // Every path is checked before any copy starts.
    const targets = files.map(({ rel, from }) => ({ from, file: inside(this.dir, rel) }));
    const copies = targets.map(async ({ from, file }) => {
      this.mkdir(path.dirname(file));
      if (typeof from === 'string') await fs.promises.copyFile(from, file, fs.constants.COPYFILE_FICLONE);
      else await fs.promises.writeFile(file, from());
    });
    const failed = (await Promise.allSettled(copies)).find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  /**
   * Link `rel` from the previous dist/ when the file there is still the one recorded with this
   * content hash; false when it is not (the caller copies it instead).
   */
  reuse(rel: string, sha256: string): boolean {
    try {
      const file = inside(this.dir, rel);
      this.mkdir(path.dirname(file));
      return this.linkIn(rel, file, sha256);
    } catch {
      return false;
    }
  }

  /**
   * Put `file` in as a link: to a file already in with the same bytes (see linkSame), else to
   * the previous dist/'s file at `rel` if it is still the one recorded with these bytes.
   */
  private linkIn(rel: string, file: string, sha256: string): boolean {
    // Before the previous dist/: linking a file from there changed its twin's change time too.
    if (this.linkSame(file, sha256)) return true;
    const was = this.previous[rel];
    if (!this.distDir || was?.sha256 !== sha256) return false;
    try {
      if (identity(fs.lstatSync(inside(this.distDir, rel), { bigint: true })) !== was.identity) return false;
      fs.linkSync(inside(this.distDir, rel), file);
    } catch {
      return false; // gone, or a file system without hard links
    }
    this.byContent.set(sha256, file);
    return true;
  }

  private readonly made = new Set<string>();

  /** Remove `dir` and the folders above it that are left empty, up to the staging directory. */
  private removeEmptyFolders(dir: string): void {
    while (dir !== this.dir && dir.startsWith(this.dir + path.sep)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        return; // not empty
      }
      this.made.delete(dir);
      dir = path.dirname(dir);
    }
  }

  private mkdir(dir: string): void {
    if (this.made.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  discard(): void {
    this.discarded = true;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Replace `distDir` with the staged tree, and record its files (path → content hash) for
   * the next build's reuse().
   */
  commit(distDir: string, files: Map<string, string>): void {
    const old = path.join(this.cacheDir, `old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const hadDist = fs.existsSync(distDir);
    // Forget the record first: a build killed between the renames and the new record must not
    // leave a record that describes another dist/.
    fs.rmSync(recordPath(this.cacheDir), { force: true });
    if (hadDist) fs.renameSync(distDir, old);
    fs.renameSync(this.dir, distDir);
    if (hadDist) fs.rmSync(old, { recursive: true, force: true });
    writeRecord(this.cacheDir, distDir, files);
  }
}

/** What a build wrote to dist/, by path: the content hash, and the file's identity then. */
export type DistFiles = Record<string, { sha256: string; identity: string }>;

function recordPath(cacheDir: string): string {
  return path.join(cacheDir, 'dist-files.json');
}

/** The previous build's record; empty when there is none or it cannot be read. */
export function previousDist(cacheDir: string): DistFiles {
  return (readJson(recordPath(cacheDir)) as DistFiles | undefined) ?? {};
}

function writeRecord(cacheDir: string, distDir: string, files: Map<string, string>): void {
  const record: DistFiles = {};
  try {
    for (const [rel, sha256] of files) record[rel] = { sha256, identity: identity(fs.lstatSync(inside(distDir, rel), { bigint: true })) };
    writeAtomic(recordPath(cacheDir), JSON.stringify(record));
  } catch {
    // no record: the next build copies every file, as the first build did
  }
}

/**
 * Inode, size, modification and change times in nanoseconds: writing to a file changes its
 * times, replacing it changes its inode, and linking it changes its change time (so the record
 * is taken after the swap).
 */
function identity(stat: fs.BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * Tidy up after builds that were killed outright (SIGKILL, power loss): put back a dist/
 * that was moved aside but not replaced, and remove staging directories of dead builds.
 */
export function recover(cacheDir: string, distDir: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const match = /^(tmp|old)-(\d+)-[0-9a-f]+$/.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    const abs = path.join(cacheDir, name);
    if (match[1] === 'old' && !fs.existsSync(distDir)) fs.renameSync(abs, distDir);
    else fs.rmSync(abs, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
