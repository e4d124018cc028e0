/** Pathological but allowed input stays fast and does not exhaust memory. */
import { describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.js';

describe('large input', () => {
  it('a translation with 3,000 paragraphs against a source with 3,000 is checked, pairing blocks by position', async () => {
    const many = (text: string) => Array.from({ length: 3_000 }, (_, i) => `${text} ${i}.`).join('\n\n');
    const source = `${fixture('source.md').split('\n## ')[0]}\n${many('We demand equal rights for everyone, paragraph')}\n`;
    const ru = `${fixture('good/ru.md').split('\n## ')[0]}\n${many('Мы требуем равных прав для всех, абзац')}\n`;
    const t = performance.now();
    const report = await check({ 'translations/ru/sample.md': ru }, { source, langs: ['en', 'ru'] });
    expect(performance.now() - t).toBeLessThan(60_000);
    expect(report.diagnostics.filter((d) => d.rule.startsWith('content-'))).toEqual([]);
    expect(report.diagnostics.filter((d) => d.rule === 'structure-blocks')).toEqual([]);
    expect(report.diagnostics.filter((d) => d.rule === 'structure-numbers')).toEqual([]);
  }, 120_000);
});
