/**
 * The atomic dist/: a build writes into a fresh directory inside .cache/ (same file system
 * as dist/) and only a finished build is swapped in, by two renames that run back to back
 * in one synchronous step (no signal handler can run between them). A build that fails or
 * is interrupted removes its directory and leaves the previous dist/ as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inside } from './paths.js';

export class Staging {
  readonly dir: string;

  constructor(readonly cacheDir: string) {
    fs.mkdirSync(cacheDir, { recursive: true });
    this.dir = path.join(cacheDir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.dir);
  }

  write(rel: string, bytes: Uint8Array): void {
    const file = inside(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }

  /** Copy a cached file in (a reflink where the file system can, else a copy). */
  copy(rel: string, from: string): void {
    const file = inside(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(from, file, fs.constants.COPYFILE_FICLONE);
  }

  discard(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Replace `distDir` with the staged tree. */
  commit(distDir: string): void {
    const old = path.join(this.cacheDir, `old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const hadDist = fs.existsSync(distDir);
    if (hadDist) fs.renameSync(distDir, old);
    fs.renameSync(this.dir, distDir);
    if (hadDist) fs.rmSync(old, { recursive: true, force: true });
  }
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
