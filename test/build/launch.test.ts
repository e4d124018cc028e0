/**
 * src/cli/launch.js: the commands run as compiled JavaScript, compiled once per version of
 * src/, and the compiled build makes the same files as the TypeScript source.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT, realCopy, removeRepo, snapshot } from './support.js';
import { codeVersion } from '../../src/build/code-version.js';

const LAUNCH = path.join(PROJECT, 'src/cli/launch.js');
const temps: string[] = [];
afterAll(() => temps.forEach(removeRepo));

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('launch.js', () => {
  it('runs a command from code compiled for this version of src/, and compiles it once', async () => {
    const first = await run([LAUNCH, 'check', '--help']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const dir = fs.readdirSync(path.join(PROJECT, '.cache/code')).find((d) => d.endsWith(codeVersion(PROJECT).slice(0, 16)));
    expect(dir).toBeDefined();
    const compiled = path.join(PROJECT, '.cache/code', dir!, 'check.js');
    const compiledAt = fs.statSync(compiled).mtimeMs;
    const second = await run([LAUNCH, 'check', '--help']);
    expect(second.stdout).toBe(first.stdout);
    expect(fs.statSync(compiled).mtimeMs).toBe(compiledAt);
  });

  it('npm run build, check and stamp start on this Node: every flag in their scripts exists here', async () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['build', 'check', 'stamp']) {
      const words = scripts[name]!.split(' ');
      expect(words[0], name).toBe('node');
      const flags = words.filter((w) => w.startsWith('--') && words.indexOf(w) < words.indexOf('src/cli/launch.js'));
      const result = await run([...flags, LAUNCH, 'check', '--help']);
      expect(result.stderr, `${name}: ${flags.join(' ')}`).toBe('');
      expect(result.code, name).toBe(0);
    }
  });

  it('refuses an unknown command with exit code 2', async () => {
    const result = await run([LAUNCH, 'publish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('build, check, stamp, dev');
  });

  it('the compiled build, with worker threads, makes the same dist/ as the TypeScript source in one thread', async () => {
    const compiled = await realCopy();
    const source = await realCopy();
    temps.push(compiled, source);
    const args = ['--lang', 'en,fa', '--partial', '--quiet'];
    const env = { SOURCE_DATE_EPOCH: '1764000000' };
    const a = await run([LAUNCH, 'build', '--root', compiled, '--workers', '2', ...args], env);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const b = await run(['--import', 'tsx', path.join(PROJECT, 'src/cli/build.ts'), '--root', source, '--workers', '0', ...args], env);
    expect(b.code).toBe(0);
    const dist = snapshot(path.join(compiled, 'dist'));
    expect(Object.keys(dist).length).toBeGreaterThan(30);
    expect(dist).toEqual(snapshot(path.join(source, 'dist')));
  }, 300_000);
});
