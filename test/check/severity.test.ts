import { describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.js';

describe('severity settings', () => {
  it('turn a rule off or change its severity', async () => {
    const files = { 'translations/be/sample.md': fixture('fail/belarusian-letters.be.md') };
    const off = await check(files, { severity: { 'belarusian-letters': 'off' } });
    expect(off.diagnostics).toEqual([]);
    const warn = await check(files, { severity: { 'belarusian-letters': 'warning' } });
    expect(warn.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(warn.errorCount).toBe(0);
    expect(warn.publishable('sample', 'be')).toBe(true);
    const error = await check(files);
    expect(error.errorCount).toBe(2);
    expect(error.publishable('sample', 'be')).toBe(false);
    expect(error.publishable('sample', 'fa')).toBe(true);
  });

  it('an error in the English statement blocks every language', async () => {
    const report = await check({}, { source: fixture('source.md').replace('We demand equal', 'We dеmand equal') });
    expect(report.diagnostics.filter((d) => d.file === 'statements/sample.md').map((d) => d.rule)).toContain('homoglyph');
    expect(report.publishable('sample', 'en')).toBe(false);
    expect(report.publishable('sample', 'de')).toBe(false);
  });
});
