import { describe, expect, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('not-reviewed', () => {
  it('warns about a translation that was never stamped, which is published as a draft', async () => {
    const report = await expectFailing('not-reviewed', 'not-reviewed.de.md', [1]);
    const d = report.diagnostics.find((x) => x.rule === 'not-reviewed')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('Not yet reviewed: run npm run stamp after review');
    expect(d.fix).toContain('npm run stamp -- translations/de/sample.md');
    expect(report.diagnostics.filter((x) => x.file === 'translations/de/sample.md' && x.severity === 'error')).toEqual([]);
    expect(report.matrix.find((m) => m.lang === 'de')!.status).toBe('draft');
    expect(report.publishable('sample', 'de')).toBe(true);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('not-reviewed');
  });
});
