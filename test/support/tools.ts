/**
 * System tools the tests compare against (poppler, qpdf, tesseract, hb-shape, chromium,
 * Unicode's data files). `.ci/run` installs them. On a laptop without them those tests are
 * skipped with a note; in CI (CI=true) a missing tool fails the run instead of hiding it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when every named command or absolute file exists. When one is missing: throws in CI,
 * and otherwise warns once and returns false so the caller can `describe.skipIf(!…)`.
 */
export function haveTools(...names: string[]): boolean {
  const missing = names.filter((n) => (n.startsWith('/') ? !fs.existsSync(n) : !hasCommand(n)));
  if (missing.length === 0) return true;
  const note = `missing system tools: ${missing.join(', ')} (bash .ci/run installs them)`;
  if (process.env.CI) throw new Error(note);
  console.warn(`skipping tests: ${note}`);
  return false;
}

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine without a network: no calls home, no first-run pages. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
