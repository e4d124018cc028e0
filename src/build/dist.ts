/**
 * The atomic dist/: a build copies its files from the cache into a fresh folder in .cache/
 * (the same file system as dist/) and swaps it in with two renames done back to back; a
 * build that fails or is interrupted removes its folder and leaves the previous dist/ as it
 * was. Files are copies, never links into the cache, so editing dist/ by hand cannot change
 * what later builds publish. A file the previous dist/ already has with the same bytes (as its
 * manifest says, and not touched since) is linked from there instead: after an edit to one
 * language most of dist/ stays as it is, and the old dist/ is deleted right after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inside } from './paths.js';

export interface DistFile {
  /** Path under dist/. */
  path: string;
  sha256: string;
  size: number;
  /** The file to copy. */
  from: string;
}

/** Write `files` as the new dist/; `beforeSwap` may still throw to leave dist/ as it was. */
export function writeDist(cacheDir: string, distDir: string, files: DistFile[], beforeSwap: () => void = () => {}): void {
  const staging = path.join(cacheDir, `staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(staging, { recursive: true });
    const made = new Set<string>();
    const previous = previousFiles(distDir);
    // The manifest last: no file in dist/ is newer than it (see previousFiles).
    const ordered = [...files.filter((f) => f.path !== MANIFEST), ...files.filter((f) => f.path === MANIFEST)];
    for (const file of ordered) {
      const target = inside(staging, file.path);
      const dir = path.dirname(target);
      if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
      if (!linked(previous, file, distDir, target)) fs.copyFileSync(file.from, target, fs.constants.COPYFILE_FICLONE);
    }
    beforeSwap();
    swap(staging, distDir, path.join(cacheDir, `old-${process.pid}-${randomBytes(4).toString('hex')}`));
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

const MANIFEST = 'manifest.json';

/** The previous dist/'s files by path, as its manifest lists them, if they are older than it. */
function previousFiles(distDir: string): { files: Map<string, { sha256: string; bytes: number }>; before: number } {
  const files = new Map<string, { sha256: string; bytes: number }>();
  const manifest = path.join(distDir, MANIFEST);
  try {
    const { artefacts } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { artefacts: { path: string; sha256: string; bytes: number }[] };
    for (const a of artefacts) files.set(a.path, a);
    return { files, before: fs.statSync(manifest).mtimeMs };
  } catch {
    return { files, before: 0 };
  }
}

function linked(previous: ReturnType<typeof previousFiles>, file: DistFile, distDir: string, target: string): boolean {
  const was = previous.files.get(file.path);
  if (!was || was.sha256 !== file.sha256 || was.bytes !== file.size) return false;
  try {
    const old = inside(distDir, file.path);
    const stat = fs.statSync(old);
    if (stat.size !== file.size || stat.mtimeMs > previous.before) return false;
    fs.linkSync(old, target);
    return true;
  } catch {
    return false; // gone, or a file system without hard links
  }
}

function swap(staging: string, distDir: string, old: string): void {
  const hadDist = fs.existsSync(distDir);
  if (hadDist) fs.renameSync(distDir, old);
  fs.renameSync(staging, distDir);
  if (hadDist) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Tidy up after builds that were killed outright (SIGKILL, power loss): put back a dist/
 * that was moved aside but not replaced, and remove the folders of dead builds.
 */
export function recover(cacheDir: string, distDir: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const match = /^(staging|old)-(\d+)-[0-9a-f]+$/.exec(name);
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
