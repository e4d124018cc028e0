import { describe, expect, it } from 'vitest';
import { check, fixture, places, stampFor } from '../helpers.js';

describe('encoding-bom', () => {
  it('reports a byte order mark, and reads the file anyway', async () => {
    const text = `\uFEFF${fixture('good/de.md').replace('source: STAMP', `source: ${stampFor(fixture('source.md'))}`)}`;
    const report = await check({ 'translations/de/sample.md': text });
    expect(places(report, 'encoding-bom')).toEqual([['translations/de/sample.md', 1]]);
    expect(report.errorCount).toBe(0);
  });

  it('is quiet without a BOM', async () => {
    expect(places(await check(), 'encoding-bom')).toEqual([]);
  });
});
