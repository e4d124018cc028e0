/**
 * The CLIs as translators and CI run them: exit codes, output formats, GitHub annotations,
 * stamping. Most tests call `main()` in-process (starting Node with tsx takes seconds on a
 * busy machine); two run the real command to prove exit codes and the absence of stack traces.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as checkMain } from '../../src/cli/check.js';
import { main as stampMain } from '../../src/cli/stamp.js';
import { loadRepository } from '../../src/content/index.js';
import { checkRepository, prepareCheck } from '../../src/check/index.js';
import { publications } from '../../src/publication.js';
import { fixture, makeRepo, SLUG, TARGETS } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function spawn(args: string[], cwd: string) {
  const result = spawnSync(TSX, [path.join(ROOT, 'src/cli/check.ts'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', GITHUB_ACTIONS: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run a CLI's main() in-process, capturing what it writes. */
async function capture(run: () => number | Promise<number>, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out.push(String(chunk)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err.push(String(chunk)); return true; });
  for (const [k, v] of Object.entries({ GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env })) vi.stubEnv(k, v);
  try {
    const code = await run();
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('npm run check', { timeout: 120_000 }, () => {
  it('exits 0 on a clean repository and ends with the matrix (real command)', () => {
    const { code, stdout } = spawn([], makeRepo());
    expect(code).toBe(0);
    expect(stdout).toMatch(/sample\s+complete\s+draft\s+complete/);
    expect(stdout).not.toContain('\x1b['); // not a terminal: no colour
  });

  it('exits 2 with a plain message on wrong usage, never a stack trace (real command)', () => {
    const { code, stderr } = spawn(['--lang', 'xx'], makeRepo());
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown language “xx”');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on other wrong usage', async () => {
    const dir = makeRepo();
    for (const args of [['--bogus'], ['--statement', 'nope'], ['--format'], ['--format', 'xml']]) {
      const { code, stderr } = await capture(() => checkMain(args, dir));
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: npm run check');
    }
  });

  it('exits 1 with --format json printing only the diagnostics array, filtered by --lang', async () => {
    const dir = makeRepo({ 'translations/ru/sample.md': fixture('fail/homoglyph.ru.md'), 'translations/be/sample.md': fixture('fail/belarusian-letters.be.md') });
    const { code, stdout } = await capture(() => checkMain(['--format', 'json', '--lang', 'ru'], dir));
    expect(code).toBe(1);
    const diagnostics = JSON.parse(stdout);
    expect(diagnostics.map((d: { rule: string; line: number }) => `${d.rule}:${d.line}`)).toEqual(['quote-in-body:5', 'homoglyph:17']);
    expect(Object.keys(diagnostics[0]).slice(0, 6)).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message']);
  });

  it('prints GitHub annotations and a step summary under GitHub Actions', async () => {
    const dir = makeRepo({ 'translations/be/sample.md': fixture('fail/belarusian-letters.be.md') });
    const summary = path.join(dir, 'summary.md');
    const { code, stdout } = await capture(() => checkMain(['--statement', 'sample'], dir), { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(1);
    expect(stdout).toContain('::error file=translations/be/sample.md,line=14,col=6,title=belarusian-letters::');
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/\| sample \| ✅ complete \| 📝 draft \| ❌ errors \|/);
  });

  it('reports a dangling symlink among the languages instead of crashing', async () => {
    const dir = makeRepo();
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'translations/xx'));
    const { code, stdout } = await capture(() => checkMain(['--format', 'json'], dir));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toEqual(['content-unreadable translations/xx']);
  });
});

describe('publishing what is ready', { timeout: 120_000 }, () => {
  const noTranslations = Object.fromEntries(TARGETS.map((lang) => [`translations/${lang}/${SLUG}.md`, null]));

  it('a statement with no translations: exit 0, every language listed as pending (and in the step summary)', async () => {
    const dir = makeRepo(noTranslations);
    const summary = path.join(dir, 'summary.md');
    const { code, stdout } = await capture(() => checkMain([], dir), { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    expect(stdout).toMatch(/sample\s+complete\s+pending\s+pending/);
    expect(stdout).toContain(`Pending (no translation yet, not published): sample: ${TARGETS.join(', ')}.`);
    expect(stdout).not.toContain('::error');
    expect(stdout).toContain('::notice file=translations/ru/sample.md');
    const text = fs.readFileSync(summary, 'utf8');
    expect(text).toMatch(/\| sample \| ✅ complete \| ⏳ pending \|/);
    expect(text).toContain('### Pending');
    for (const lang of TARGETS) expect(text).toContain(`\`translations/${lang}/sample.md\` does not exist yet`);
    const json = await capture(() => checkMain(['--format', 'json'], dir));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).map((d: { rule: string; severity: string }) => `${d.rule} ${d.severity}`)).toEqual(TARGETS.map(() => 'missing-translation info').sort());
  });

  it('a complete translation is published, the pending languages are not offered', async () => {
    await prepareCheck();
    const dir = makeRepo({ ...noTranslations, 'translations/de/sample.md': fixture('good/de.md') });
    expect((await capture(() => checkMain([], dir))).code).toBe(0);
    const repo = loadRepository(dir);
    const report = checkRepository(repo);
    expect(report.matrix.find((m) => m.lang === 'de')!.status).toBe('complete');
    const pubs = publications(repo, (slug, lang) => report.publishable(slug, lang.tag));
    expect(pubs.map((p) => p.lang.tag)).toEqual(['en', 'de']);
    expect(pubs.every((p) => p.published.map((l) => l.tag).join() === 'en,de')).toBe(true);
    expect(pubs.find((p) => p.lang.tag === 'de')!.draft).toBe(false);
  });

  it('an unstamped translation gives the not-reviewed warning, exit 0, and is published as a draft', async () => {
    await prepareCheck();
    const dir = makeRepo({ ...noTranslations, 'translations/de/sample.md': fixture('good/de.md').replace('source: STAMP\n', '') });
    const { code, stdout } = await capture(() => checkMain(['--format', 'json'], dir));
    expect(code).toBe(0);
    const warnings = JSON.parse(stdout).filter((d: { severity: string }) => d.severity !== 'info');
    expect(warnings).toEqual([expect.objectContaining({ file: 'translations/de/sample.md', rule: 'not-reviewed', severity: 'warning' })]);
    expect(warnings[0].message).toContain('Not yet reviewed: run npm run stamp after review');
    const repo = loadRepository(dir);
    const report = checkRepository(repo);
    expect(report.matrix.find((m) => m.lang === 'de')!.status).toBe('draft');
    const de = publications(repo, (slug, lang) => report.publishable(slug, lang.tag)).find((p) => p.lang.tag === 'de')!;
    expect(de.draft).toBe(true);
  });

  it('a translation that exists and has errors still blocks its language (exit 1)', async () => {
    const dir = makeRepo({ ...noTranslations, 'translations/be/sample.md': fixture('fail/belarusian-letters.be.md') });
    expect((await capture(() => checkMain([], dir))).code).toBe(1);
    await prepareCheck();
    expect(checkRepository(loadRepository(dir)).publishable('sample', 'be')).toBe(false);
  });
});

describe('npm run stamp', () => {
  it('writes the fingerprint so the check passes, keeping every other byte', async () => {
    const unstamped = fixture('good/de.md').replace('source: STAMP\n', '').replace(/\n/g, '\r\n');
    const dir = makeRepo({ 'translations/de/sample.md': unstamped });
    const file = path.join(dir, 'translations/de/sample.md');
    const before = await capture(() => checkMain(['--format', 'json', '--lang', 'de'], dir));
    expect(before.code).toBe(0); // not yet reviewed is a warning: published as a draft
    expect(JSON.parse(before.stdout).map((d: { rule: string }) => d.rule)).toEqual(['line-endings', 'not-reviewed']);
    const { code, stdout } = await capture(() => stampMain([file], dir));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Stamped translations\/de\/sample.md \(source [0-9a-f]{12}\)/);
    const stamped = fs.readFileSync(file, 'utf8');
    expect(stamped.replace(/source: [^\r\n]*\r\n/, '')).toBe(unstamped);
    const after = await capture(() => checkMain(['--format', 'json', '--lang', 'de'], dir));
    expect(JSON.parse(after.stdout).map((d: { rule: string }) => d.rule)).toEqual(['line-endings']);
    expect(after.code).toBe(0);
    // Stamping again changes nothing.
    await capture(() => stampMain([file], dir));
    expect(fs.readFileSync(file, 'utf8')).toBe(stamped);
  });

  it('refuses files that are not translations, with exit code 1, and needs file names', async () => {
    const dir = makeRepo();
    const { code, stderr } = await capture(() => stampMain([path.join(dir, 'statements/sample.md'), path.join(dir, 'translations/ru/other.md')], dir));
    expect(code).toBe(1);
    expect(stderr).toContain('not a translation');
    expect(stderr).toContain('no English statement statements/other.md');
    expect((await capture(() => stampMain([], dir))).code).toBe(2);
  });
});
