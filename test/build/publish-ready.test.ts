/**
 * Publishing what is ready, as an organiser sees it with the real commands: a new English
 * statement goes out at once in English, each translation joins it when it is complete, and the
 * build's summary names the languages still pending.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT, realCopy, removeRepo } from './support.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRepo));

function run(command: string, args: string[], root: string) {
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'src/cli/launch.js'), command, ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '' },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

const ENGLISH = `---
title: "An urgent call"
summary: "We call on every government to act now."
date: 2026-12-06
quote: "We call on every government to act now."
---

We call on every government to act now.
`;

const FARSI = `---
title: "یک فراخوان فوری"
summary: "ما از همهٔ دولت‌ها می‌خواهیم که همین حالا اقدام کنند."
date: 2026-12-06
quote: "ما از همهٔ دولت‌ها می‌خواهیم که همین حالا اقدام کنند."
status: reviewed
---

ما از همهٔ دولت‌ها می‌خواهیم که همین حالا اقدام کنند.
`;

describe('a new statement', { timeout: 240_000 }, () => {
  it('is published in English with no translations (exit 0, the rest pending); a complete Farsi translation publishes Farsi too', async () => {
    const root = await realCopy();
    roots.push(root);
    fs.writeFileSync(path.join(root, 'statements/urgent-call.md'), ENGLISH);

    const first = run('build', ['--root', root, '--only', 'html'], root);
    expect(first.out).toContain('Pending (no translation yet, not published): urgent-call: ru, be, de, fa-AF, ar, fa.');
    expect(first.out).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(root, 'dist/urgent-call/en/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'dist/urgent-call/fa'))).toBe(false);
    // The English page offers only the languages that exist.
    expect(fs.readFileSync(path.join(root, 'dist/urgent-call/en/index.html'), 'utf8')).not.toContain('hreflang="fa"');

    fs.writeFileSync(path.join(root, 'translations/fa/urgent-call.md'), FARSI);
    const stamp = run('stamp', ['translations/fa/urgent-call.md'], root);
    expect(stamp.code, stamp.out).toBe(0);
    const second = run('build', ['--root', root, '--only', 'html'], root);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('Pending (no translation yet, not published): urgent-call: ru, be, de, fa-AF, ar.');
    const fa = fs.readFileSync(path.join(root, 'dist/urgent-call/fa/index.html'), 'utf8');
    expect(fa).toContain('یک فراخوان فوری');
    expect(fs.readFileSync(path.join(root, 'dist/urgent-call/en/index.html'), 'utf8')).toContain('hreflang="fa"');
    expect(fs.readFileSync(path.join(root, 'dist/fa/index.html'), 'utf8')).toContain('urgent-call/fa/index.html');
  });
});
