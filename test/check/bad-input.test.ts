/**
 * Bad input is reported with its rule id and position, never as a crash: the loader's
 * problems (src/content) become diagnostics, and the rest of the repository is still checked.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture, places } from './helpers.js';

const ru = 'translations/ru/sample.md';

describe('bad input', () => {
  it('broken YAML in the front matter, at its line', async () => {
    const text = fixture('good/ru.md').replace('date: 2026-11-24', 'date: 2026-11-24\ntitle: again');
    const report = await check({ [ru]: text });
    expect(places(report, 'content-front-matter-yaml')).toEqual([[ru, 5]]);
    expect(report.publishable('sample', 'ru')).toBe(false);
    expect(report.publishable('sample', 'de')).toBe(true);
  });

  it('a missing front matter block', async () => {
    const text = fixture('good/ru.md').replace(/^---[\s\S]*?---\n/, '');
    const report = await check({ [ru]: text });
    expect(places(report, 'content-front-matter-missing')).toEqual([[ru, 1]]);
    // Only the loader's message, not one more per missing field.
    expect(places(report, 'front-matter-required')).toEqual([]);
  });

  it('invalid UTF-8, at the line of the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from(fixture('good/ru.md').split('\n').slice(0, 9).join('\n') + '\n'), Buffer.from([0xd0, 0x41, 0x0a])]);
    const report = await check({ [ru]: bytes });
    expect(places(report, 'content-invalid-utf8')).toEqual([[ru, 10]]);
    expect(places(report, 'missing-translation')).toEqual([]);
    expect(report.matrix.find((m) => m.lang === 'ru')!.status).toBe('errors');
  });

  it('a 10 MB file', async () => {
    const report = await check({ [ru]: 'x'.repeat(10_000_000) });
    expect(places(report, 'content-too-large')).toEqual([[ru, 1]]);
  });

  it('an unknown language folder and a file name that is not a valid slug', async () => {
    const report = await check({ 'translations/farsi/sample.md': fixture('good/fa.md'), 'translations/de/Sample Visas.md': fixture('good/de.md') });
    expect(places(report, 'content-unknown-language')).toEqual([['translations/farsi', 1]]);
    expect(places(report, 'content-invalid-slug')).toEqual([['translations/de/Sample Visas.md', 1]]);
    expect(report.publishable('sample', 'de')).toBe(true);
  });

  it('broken ui.json, at its line', async () => {
    const text = fixture('ui/de.json').replace('"Alle Erklärungen",', '"Alle Erklärungen"');
    const report = await check({ 'translations/de/ui.json': text });
    const [d] = report.diagnostics.filter((x) => x.rule === 'content-ui-json');
    expect(d.file).toBe('translations/de/ui.json');
    expect(d.line).toBeGreaterThan(1);
    expect(report.publishable('sample', 'de')).toBe(false);
  });

  it('a file that is not Markdown among the translations', async () => {
    const report = await check({ 'translations/ru/sample.docx': 'PK' });
    expect(places(report, 'content-unexpected-file')).toEqual([['translations/ru/sample.docx', 1]]);
  });
});
