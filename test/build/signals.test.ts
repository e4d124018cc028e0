/**
 * Killing `npm run build` mid-way (SIGINT, SIGTERM) leaves the previous dist/ as it was and
 * no staging directory behind; a build killed outright (SIGKILL) is tidied up by the next.
 * The command runs as a child process with stand-in exporters that take 400 ms a job.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build/build.js';
import { recover } from '../../src/build/dist.js';
import { fakeChecker } from './fixtures/checker.js';
import { FAKE_RENDERERS, PROJECT, realCopy, removeRepo, snapshot, tempRepo, writeTranslation } from './support.js';

// Real processes and threads on a shared two-core machine: allow for a slow minute.
vi.setConfig({ testTimeout: 120_000 });

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach(removeRepo));

const COMMAND = path.join(PROJECT, 'test/build/fixtures/build-command.ts');

async function preparedRepo(): Promise<string> {
  const root = tempRepo();
  roots.push(root);
  await build({ root, renderers: FAKE_RENDERERS, checker: fakeChecker, workers: 0, env: {} });
  for (const lang of ['ru', 'de', 'fa']) writeTranslation(root, lang, 'alpha', `SLOW-RENDER ${lang}`);
  return root;
}

/** Start the build, send `signal` once it has finished its first artefact, and collect the result. */
function interrupt(root: string, signal: NodeJS.Signals, workers: number, command = COMMAND, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', command, '--root', root, '--workers', String(workers), ...extra], {
    cwd: PROJECT,
    env: { ...process.env, CI: 'true' },
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!sent && /\.(pdf|png|jpg|html|txt)\s/.test(stdout)) {
      sent = true;
      child.kill(signal);
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string; sent: boolean }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, sent })),
  );
}

describe('interrupting the build', () => {
  for (const [signal, code, workers] of [['SIGINT', 130, 0], ['SIGTERM', 143, 2]] as const) {
    it(`${signal} (${workers ? 'worker threads' : 'in process'}) leaves the previous dist/ intact`, async () => {
      const root = await preparedRepo();
      const before = snapshot(path.join(root, 'dist'));
      const result = await interrupt(root, signal, workers);
      expect(result.sent).toBe(true);
      expect(result.code).toBe(code);
      expect(result.stderr).toContain('Interrupted; dist/ was left as it was.');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(path.join(root, 'dist'))).toEqual(before);
      expect(fs.readdirSync(path.join(root, '.cache')).filter((n) => /^(staging|old)-/.test(n))).toEqual([]);
    });
  }

  it('SIGINT to the real `npm run build` (real checker and exporters) leaves the previous dist/ intact', async () => {
    const root = await realCopy();
    roots.push(root);
    // A previous publication to protect, made by the same command (SIGCONT changes nothing: it runs to the end).
    const first = await interrupt(root, 'SIGCONT', 0, path.join(PROJECT, 'src/cli/build.ts'), ['--partial']);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(path.join(root, 'dist'));
    expect(Object.keys(before)).toContain('manifest.json');
    const edited = 'translations/de/humanitarian-visas.md';
    fs.appendFileSync(path.join(root, edited), '\n');
    fs.rmSync(path.join(root, '.cache'), { recursive: true });
    const result = await interrupt(root, 'SIGINT', 0, path.join(PROJECT, 'src/cli/build.ts'), ['--partial']);
    expect(result.sent).toBe(true);
    expect(result.code).toBe(130);
    expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    expect(fs.readdirSync(path.join(root, '.cache')).filter((n) => /^(staging|old)-/.test(n))).toEqual([]);
  });

  it('the next build tidies up after one killed outright between its two renames', () => {
    const root = tempRepo();
    roots.push(root);
    const cache = path.join(root, '.cache');
    // A dead build's staging dir and a dist/ moved aside but never replaced.
    fs.mkdirSync(path.join(cache, 'staging-999999-abcd'), { recursive: true });
    fs.mkdirSync(path.join(cache, 'old-999999-beef'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'old-999999-beef', 'index.html'), 'previous');
    recover(cache, path.join(root, 'dist'));
    expect(fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toBe('previous');
    expect(fs.readdirSync(cache)).toEqual([]);
  });
});
