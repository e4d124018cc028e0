import { describe, expect, it } from 'vitest';
import { check, places } from '../helpers.js';

describe('missing-ui', () => {
  it('reports a language without ui.json and blocks its publication', async () => {
    const report = await check({ 'translations/be/ui.json': null });
    expect(places(report, 'missing-ui')).toEqual([['translations/be/ui.json', 1]]);
    expect(report.publishable('sample', 'be')).toBe(false);
  });

  it('is quiet when every language has ui.json', async () => {
    expect(places(await check(), 'missing-ui')).toEqual([]);
  });
});
