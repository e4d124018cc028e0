/**
 * Untrusted input through the real checker and the real exporters: random and mutated
 * Markdown and front matter never end in an uncaught exception (only a BuildError with a
 * plain message), never leave dist/ partly written, never read or write outside the project.
 * Runs are few: the machine has two cores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build } from '../../src/build/build.js';
import { BuildError } from '../../src/build/errors.js';
import { realCopy, removeRepo, snapshot } from './support.js';

const SECRET = 'SECRET-7f3c9a1e';
let root: string;
let original: Record<string, string>;

beforeAll(async () => {
  root = await realCopy();
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(root, 'secret.png'), SECRET);
  original = {};
  for (const rel of ['statements/humanitarian-visas.md', 'translations/fa/humanitarian-visas.md', 'translations/ru/humanitarian-visas.md']) {
    original[rel] = fs.readFileSync(path.join(root, rel), 'utf8');
  }
});
afterAll(() => removeRepo(root));

// Pieces that have broken Markdown, YAML, bidi or path handling somewhere before.
const NASTY = [
  '---', '\n---\n', 'title: [', 'title: 5', 'date: tomorrow', 'quote: |\n  a\n  b', 'source: zzz', ': :', '\t', '\u0000', '\uFEFF',
  '\u202E', '\u200F', '\u2067', '[x](../../secret.txt)', '![x](../../secret.png)', '[x](file:///etc/passwd)', '<img src="../secret.png">',
  '<script>alert(1)</script>', '[[x]]', '| a | b |\n|---|---|\n| 1 |', '```\n', '> ', '* ', '1. ', '# ', '\\', '&amp;', '&#0;', '😀',
  'ٱلسَّلَامُ', '۱۲۳', 'ў', '(١٢)', 'x'.repeat(3000), '\r\n', '[^1]', '[^1]: note', '<!-- check-ignore -->',
];

const mutation = fc.record({
  file: fc.constantFrom(...['statements/humanitarian-visas.md', 'translations/fa/humanitarian-visas.md', 'translations/ru/humanitarian-visas.md']),
  edits: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 })),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function mutate(text: string, edits: Array<{ at: number; remove: number; insert: string }>): string {
  let out = text;
  for (const e of edits) {
    const i = Math.floor(e.at * out.length);
    out = out.slice(0, i) + e.insert + out.slice(i + e.remove);
  }
  return out;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** dist/ is exactly what its manifest says, or it is the previous one. */
function assertWhole(previous: Record<string, string>): void {
  const now = snapshot(path.join(root, 'dist'));
  if (JSON.stringify(now) === JSON.stringify(previous)) return;
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/manifest.json'), 'utf8'));
  const listed = manifest.artefacts.map((a: { path: string }) => a.path).sort();
  expect(Object.keys(now).filter((p) => p !== 'manifest.json').sort()).toEqual(listed);
  for (const a of manifest.artefacts) expect(now[a.path]).toBe(a.sha256);
}

describe('random and mutated input through check and build', () => {
  it('never throws anything but a plain BuildError, and dist/ is always whole', async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async ({ file, edits }) => {
        for (const [rel, text] of Object.entries(original)) fs.writeFileSync(path.join(root, rel), text);
        fs.writeFileSync(path.join(root, file), mutate(original[file], edits));
        const inputsBefore = { ...snapshot(path.join(root, 'statements')), ...snapshot(path.join(root, 'translations')) };
        const previous = snapshot(path.join(root, 'dist'));
        try {
          await build({ root, partial: true, langs: ['en', 'fa', 'ru'], workers: 0 });
          published++;
        } catch (error) {
          expect(error).toBeInstanceOf(BuildError);
          expect((error as Error).message).not.toMatch(/\n\s+at .*:\d+:\d+/);
        }
        assertWhole(previous);
        expect({ ...snapshot(path.join(root, 'statements')), ...snapshot(path.join(root, 'translations')) }).toEqual(inputsBefore);
        expect(fs.readdirSync(root).sort()).toEqual(['.cache', 'dist', 'secret.png', 'secret.txt', 'statements', 'translations'].filter((n) => n !== 'dist' || fs.existsSync(path.join(root, 'dist'))));
        expect(fs.readdirSync(path.join(root, '.cache')).filter((n) => /^(tmp|old)-/.test(n))).toEqual([]);
        for (const rel of Object.keys(snapshot(path.join(root, 'dist')))) {
          if (!rel.endsWith('.zip')) expect(fs.readFileSync(path.join(root, 'dist', rel)).includes(SECRET), rel).toBe(false);
        }
        expect(sha(path.join(root, 'secret.txt'))).toBe(createHash('sha256').update(SECRET).digest('hex'));
      }),
      { numRuns: 4, seed: Number(process.env.FC_SEED ?? 20261125), endOnFailure: true },
    );
    // The property is about builds that publish, not only about refusals.
    expect(published).toBeGreaterThan(0);
  }, 170_000);

  it('links to ../ are refused in a translation and never followed from the English text', async () => {
    for (const [rel, text] of Object.entries(original)) fs.writeFileSync(path.join(root, rel), text);
    const link = '\n\n[secret](../../secret.txt) ![x](../../secret.png)\n\n';
    const ru = 'translations/ru/humanitarian-visas.md';
    fs.writeFileSync(path.join(root, ru), original[ru].replace(/\n\n/, link));
    const refused = await build({ root, partial: true, langs: ['en', 'ru'], only: ['html'], workers: 0 });
    expect(refused.skipped.map((s) => s.language)).toEqual(['ru']);
    expect(refused.skipped[0].reasons.join('\n')).toContain('../../secret.txt');

    fs.writeFileSync(path.join(root, ru), original[ru]);
    const en = 'statements/humanitarian-visas.md';
    fs.writeFileSync(path.join(root, en), original[en].replace(/\n\n/, link));
    await build({ root, partial: true, langs: ['en'], only: ['html'], workers: 0 }).catch((e) => expect(e).toBeInstanceOf(BuildError));
    for (const file of Object.keys(snapshot(path.join(root, 'dist')))) {
      if (!file.endsWith('.zip')) expect(fs.readFileSync(path.join(root, 'dist', file)).includes(SECRET), file).toBe(false);
    }
    expect(fs.existsSync(path.join(root, 'dist/secret.txt'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'dist/secret.png'))).toBe(false);
  }, 170_000);
});
