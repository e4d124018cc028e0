import { describe, expect, it } from 'vitest';
import { check, places } from '../helpers.js';

describe('missing-translation', () => {
  it('names the exact file to create', async () => {
    const report = await check({ 'translations/fa/sample.md': null });
    expect(places(report, 'missing-translation')).toEqual([['translations/fa/sample.md', 1]]);
    expect(report.diagnostics.find((d) => d.rule === 'missing-translation')!.fix).toContain('translations/fa/sample.md');
    expect(report.matrix.find((m) => m.lang === 'fa')!.status).toBe('missing');
    expect(report.publishable('sample', 'fa')).toBe(false);
    expect(report.publishable('sample', 'ru')).toBe(true);
  });

  it('is quiet when every language has its file, and respects --lang', async () => {
    expect(places(await check(), 'missing-translation')).toEqual([]);
    expect(places(await check({ 'translations/fa/sample.md': null }, { langs: ['ru'] }), 'missing-translation')).toEqual([]);
  });
});
