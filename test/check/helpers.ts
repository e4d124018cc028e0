/**
 * Test support for the check: builds small repositories in temp directories from the fixtures
 * (one English statement `sample`, the UI strings, and translations) and runs the check.
 *
 * Fixture translations say `source: STAMP`; the helper replaces it with the real fingerprint of
 * fixtures/source.md, so only the stale and fingerprint tests deal with fingerprints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRepository } from '../../src/content/index.js';
import { checkRepository, prepareCheck, type CheckOptions, type CheckReport } from '../../src/check/index.js';
import { fingerprint, formatFingerprint } from '../../src/check/fingerprint.js';
import { tempDir } from '../support/temp.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const TARGETS = ['ru', 'be', 'de', 'fa-AF', 'ar', 'fa'];
export const SLUG = 'sample';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The fingerprint line value of a statement text. */
export function stampFor(sourceText: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-stamp-'));
  try {
    write(dir, `statements/${SLUG}.md`, sourceText);
    return formatFingerprint(fingerprint(loadRepository(dir).statements[0]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function write(dir: string, rel: string, content: string | Uint8Array): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

/**
 * A repository with the fixture source, every UI file and the good translations, with
 * `files` added or replacing (a value of null removes the file).
 */
export function makeRepo(files: Record<string, string | Uint8Array | null> = {}, options: { source?: string } = {}): string {
  const dir = tempDir('psl-check-');
  const source = options.source ?? fixture('source.md');
  const stamp = stampFor(fixture('source.md'));
  const all: Record<string, string | Uint8Array | null> = { [`statements/${SLUG}.md`]: source };
  for (const lang of ['en', ...TARGETS]) all[`translations/${lang}/ui.json`] = fixture(`ui/${lang}.json`);
  for (const lang of TARGETS) all[`translations/${lang}/${SLUG}.md`] = fixture(`good/${lang}.md`);
  Object.assign(all, files);
  for (const [rel, content] of Object.entries(all)) {
    if (content === null) continue;
    write(dir, rel, typeof content === 'string' ? content.replace(/^source: STAMP$/m, `source: ${stamp}`) : content);
  }
  return dir;
}

export async function check(files: Record<string, string | Uint8Array | null> = {}, options: CheckOptions & { source?: string } = {}): Promise<CheckReport> {
  await prepareCheck();
  const dir = makeRepo(files, options);
  try {
    return checkRepository(loadRepository(dir), options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `[file, line]` of every diagnostic of one rule. */
export function places(report: CheckReport, rule: string): Array<[string, number]> {
  return report.diagnostics.filter((d) => d.rule === rule).map((d) => [d.file, d.line]);
}
