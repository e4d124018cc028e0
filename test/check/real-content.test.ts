/** The repository's own statements and translations pass the check without errors. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { checkRepository, prepareCheck } from '../../src/check/index.js';

describe('the real content', () => {
  it('has no errors, and every translation is publishable', async () => {
    await prepareCheck();
    const repo = loadRepository(path.resolve(import.meta.dirname, '../..'));
    const report = checkRepository(repo);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const m of report.matrix) expect(report.publishable(m.slug, m.lang), `${m.slug} ${m.lang}`).toBe(true);
  });
});
