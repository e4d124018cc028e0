/**
 * Every file the build writes goes through here: artefact paths come from exporters and,
 * through slugs and language tags, from untrusted input. A path that could leave dist/
 * is refused before anything is written.
 */
import path from 'node:path';
import { BuildError } from './errors.js';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Throws unless `rel` is a plain relative path under dist/: forward slashes, no `..`, no empty or hidden segments. */
export function assertDistPath(rel: string): void {
  const segments = rel.split('/');
  const bad = rel.length === 0 || rel.length > 400 || segments.some((s) => !SEGMENT.test(s) || s === '..' || s === '.');
  if (bad) throw new BuildError(`Refusing to write “${rel}”: artefact paths must stay inside dist/ (letters, digits, “.”, “_”, “-” and “/” only, no “..”).`);
}

/** The absolute path of `rel` inside `dir`, after checking it cannot escape. */
export function inside(dir: string, rel: string): string {
  assertDistPath(rel);
  const abs = path.resolve(dir, rel);
  if (!abs.startsWith(path.resolve(dir) + path.sep)) throw new BuildError(`Refusing to write “${rel}” outside ${dir}.`);
  return abs;
}
