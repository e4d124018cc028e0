import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

describe('the good fixtures', () => {
  it('pass every rule in every language', async () => {
    const report = await check();
    expect(report.diagnostics).toEqual([]);
    expect(report.matrix.map((m) => `${m.lang}:${m.status}`)).toEqual(
      ['en:complete', 'ru:draft', 'be:complete', 'de:complete', 'fa-AF:draft', 'ar:draft', 'fa:draft']);
    expect(report.publishable('sample', 'fa')).toBe(true);
  });
});
