/**
 * Diagnostics kept between runs (CheckOptions.kept): a run that reads them back reports what
 * a run without them reports, and a change to a file, to the English source or to the
 * severities is checked afresh.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadRepository } from '../../src/content/index.js';
import { checkRepository, prepareCheck, type CheckOptions, type Diagnostic, type KeptDiagnostics } from '../../src/check/index.js';
import { SLUG, fixture, makeRepo } from './helpers.js';

beforeAll(() => prepareCheck());

/** A repository with problems in five languages, one of them silenced by a check-ignore comment (removed with the test file's temporary folders). */
function repoWithProblems(): string {
  return makeRepo({
    [`translations/ru/${SLUG}.md`]: fixture('fail/double-space.ru.md'),
    [`translations/fa/${SLUG}.md`]: fixture('fail/zwnj-prefix.fa.md'),
    [`translations/ar/${SLUG}.md`]: fixture('fail/structure-numbers.ar.md'),
    [`translations/de/${SLUG}.md`]: fixture('fail/quotes.de.md'),
    [`translations/be/${SLUG}.md`]: fixture('fail/check-ignore-comment.ru.md'),
  });
}

class MapKept implements KeptDiagnostics {
  readonly entries = new Map<string, string>();
  hits = 0;
  get(key: string): Diagnostic[] | undefined {
    const json = this.entries.get(key);
    if (json === undefined) return undefined;
    this.hits++;
    return JSON.parse(json);
  }
  set(key: string, diagnostics: Diagnostic[]): void {
    this.entries.set(key, JSON.stringify(diagnostics));
  }
}

function run(dir: string, options: CheckOptions = {}) {
  const report = checkRepository(loadRepository(dir), options);
  return { diagnostics: report.diagnostics, matrix: report.matrix, errors: report.errorCount };
}

describe('kept diagnostics', () => {
  it('read back, they give the same report as a fresh check', () => {
    const dir = repoWithProblems();
    const fresh = run(dir);
    expect(fresh.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['double-space', 'zwnj-prefix', 'structure-numbers', 'quotes']));
    const kept = new MapKept();
    expect(run(dir, { kept })).toEqual(fresh);
    // The English statement and six translations.
    expect(kept.entries.size).toBe(7);
    expect(kept.hits).toBe(0);
    expect(run(dir, { kept })).toEqual(fresh);
    expect(kept.hits).toBe(7);
  });

  it('a changed translation is checked again, the others are read back', () => {
    const dir = repoWithProblems();
    const kept = new MapKept();
    run(dir, { kept });
    fs.writeFileSync(path.join(dir, `translations/ru/${SLUG}.md`), fixture('good/ru.md').replace(/^source: STAMP$/m, `source: ${stampOf(dir)}`));
    const after = run(dir, { kept });
    expect(kept.hits).toBe(6);
    expect(after).toEqual(run(dir));
    expect(after.diagnostics.some((d) => d.rule === 'double-space')).toBe(false);
  });

  it('a change to the English source checks every translation again', () => {
    const dir = repoWithProblems();
    const kept = new MapKept();
    run(dir, { kept });
    const source = path.join(dir, `statements/${SLUG}.md`);
    fs.appendFileSync(source, '\nA new paragraph the translations do not have yet.\n');
    const after = run(dir, { kept });
    expect(kept.hits).toBe(0);
    expect(after).toEqual(run(dir));
    expect(after.diagnostics.some((d) => d.rule === 'stale-translation')).toBe(true);
  });

  it('an entry that is not a list of diagnostics is checked again', () => {
    const dir = repoWithProblems();
    const junk: KeptDiagnostics = { get: () => ({ rule: 'x' }) as unknown as Diagnostic[], set() {} };
    expect(run(dir, { kept: junk })).toEqual(run(dir));
  });

  it('other severities are checked again', () => {
    const dir = repoWithProblems();
    const kept = new MapKept();
    run(dir, { kept });
    const quiet = run(dir, { kept, severity: { 'double-space': 'off', quotes: 'error' } });
    expect(kept.hits).toBe(0);
    expect(quiet).toEqual(run(dir, { severity: { 'double-space': 'off', quotes: 'error' } }));
    expect(quiet.diagnostics.some((d) => d.rule === 'double-space')).toBe(false);
  });
});

/** The fingerprint the repository's translations carry. */
function stampOf(dir: string): string {
  return /^source: (.*)$/m.exec(fs.readFileSync(path.join(dir, `translations/fa-AF/${SLUG}.md`), 'utf8'))![1];
}
