import { describe, expect, it } from 'vitest';
import { check, places } from '../helpers.js';

describe('missing-translation', () => {
  it('reports a language without its file as pending (info), naming the exact file to create', async () => {
    const report = await check({ 'translations/fa/sample.md': null });
    expect(places(report, 'missing-translation')).toEqual([['translations/fa/sample.md', 1]]);
    const d = report.diagnostics.find((x) => x.rule === 'missing-translation')!;
    expect(d.severity).toBe('info');
    expect(d.fix).toContain('translations/fa/sample.md');
    expect(report.errorCount).toBe(0);
    expect(report.matrix.find((m) => m.lang === 'fa')!.status).toBe('pending');
    expect(report.pending).toEqual([{ slug: 'sample', lang: 'fa', file: 'translations/fa/sample.md' }]);
    expect(report.publishable('sample', 'fa')).toBe(false);
    expect(report.publishable('sample', 'ru')).toBe(true);
  });

  it('can be made an error again for organisations that require every language', async () => {
    const report = await check({ 'translations/fa/sample.md': null }, { severity: { 'missing-translation': 'error' } });
    expect(report.errorCount).toBe(1);
  });

  it('is quiet when every language has its file, and respects --lang', async () => {
    expect(places(await check(), 'missing-translation')).toEqual([]);
    expect(places(await check({ 'translations/fa/sample.md': null }, { langs: ['ru'] }), 'missing-translation')).toEqual([]);
  });
});
