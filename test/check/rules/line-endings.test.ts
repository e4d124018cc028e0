import { describe, expect, it } from 'vitest';
import { check, fixture, places } from '../helpers.js';

describe('line-endings', () => {
  it('reports CRLF line endings and still checks the file with the right line numbers', async () => {
    const text = fixture('fail/homoglyph.ru.md').replace(/\n/g, '\r\n');
    const report = await check({ 'translations/ru/sample.md': text });
    expect(places(report, 'line-endings')).toEqual([['translations/ru/sample.md', 1]]);
    expect(places(report, 'homoglyph')).toEqual([['translations/ru/sample.md', 17]]);
  });

  it('is quiet with LF line endings', async () => {
    expect(places(await check(), 'line-endings')).toEqual([]);
  });
});
