import { describe, expect, it } from 'vitest';
import { formatHuman, formatJson, githubAnnotations, githubSummary } from '../../src/check/index.js';
import { codeFrame } from '../../src/check/format.js';
import { check, fixture } from './helpers.js';

describe('report formats', async () => {
  const report = await check({ 'translations/ru/sample.md': fixture('fail/homoglyph.ru.md'), 'translations/fa/sample.md': null });

  it('human: vfile-reporter lines with rule ids, fixes, code frames and the matrix', () => {
    const text = formatHuman(report, { color: false });
    expect(text).toContain('translations/ru/sample.md');
    expect(text).toMatch(/17:12\s+error\s+The word “pавных”.*homoglyph/);
    expect(text).toContain('Fix: Retype the letter with the Cyrillic keyboard layout.');
    expect(text).toMatch(/17 \| Мы требуем pавных прав для всех\.\n\s+\| {12}\^\n/);
    expect(text).toMatch(/sample\s+complete\s+ERRORS\s+complete\s+complete\s+draft\s+draft\s+pending/);
    expect(text).not.toContain('\x1b[');
    expect(formatHuman(report, { color: true })).toContain('\x1b[');
  });

  it('json: an array of plain objects', () => {
    const parsed = JSON.parse(formatJson(report));
    expect(parsed.length).toBe(report.diagnostics.length);
    expect(parsed[0]).toEqual({ ...report.diagnostics[0] });
  });

  it('github: escaped annotations and a Markdown matrix', () => {
    const lines = githubAnnotations(report).trim().split('\n');
    expect(lines).toHaveLength(report.diagnostics.length);
    expect(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z0-9-]+::[^\n]+$/.test(l))).toBe(true);
    expect(githubSummary(report)).toContain('| sample | ✅ complete | ❌ errors |');
  });

  it('code frames cut long lines around the column and keep the caret under the character', () => {
    const line = `${'а'.repeat(300)}X${'б'.repeat(300)}`;
    const [shown, caret] = codeFrame(`first\n${line}`, 2, 301).split('\n');
    expect(shown.startsWith('2 | …')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect([...shown][caret.indexOf('^')]).toBe('X');
  });
});
