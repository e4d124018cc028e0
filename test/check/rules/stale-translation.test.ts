import { describe, expect, it } from 'vitest';
import { check, fixture, places } from '../helpers.js';

describe('stale-translation', () => {
  it('names the English block that changed since the stamp, at the translation line', async () => {
    // The translations are stamped for fixtures/source.md; now the second list item is reworded.
    const changed = fixture('source.md').replace('People wait in fear of deportation.', 'People wait in fear of being deported.');
    const report = await check({}, { source: changed });
    expect(places(report, 'stale-translation').filter(([f]) => f.includes('/ru/'))).toEqual([['translations/ru/sample.md', 15]]);
    const d = report.diagnostics.find((x) => x.rule === 'stale-translation' && x.file.includes('/ru/'))!;
    expect(d.message).toContain('statements/sample.md line 13');
    expect(d.severity).toBe('warning');
    expect(report.matrix.find((m) => m.lang === 'ru')!.status).toBe('stale');
    expect(report.publishable('sample', 'ru')).toBe(true);
  });

  it('names a changed front matter field and reports removed blocks', async () => {
    const changed = fixture('source.md').replace('- Families have frozen their lives.\n', '').replace('Humanitarian Visas"', 'Humanitarian Visas in Germany"');
    const ru = (await check({}, { source: changed })).diagnostics.filter((d) => d.rule === 'stale-translation' && d.file.includes('/ru/'));
    expect(ru.map((d) => d.line)).toEqual([2, 7]);
    expect(ru[1].message).toContain('1 English block was removed');
  });

  it('is quiet when the English text only changed in spacing or date', async () => {
    const changed = fixture('source.md').replace('2026-11-24', '2026-11-25').replace('\nWe demand equal', '\nWe  demand\nequal');
    expect(places(await check({}, { source: changed }), 'stale-translation')).toEqual([]);
  });
});
