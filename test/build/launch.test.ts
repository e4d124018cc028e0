/**
 * src/cli/launch.js, what `npm run build`, `check`, `stamp` and `dev` start: it compiles src/
 * once per version into a cache folder and runs the compiled command. The compiled build (one
 * CommonJS file run from a code cache) must make exactly what the TypeScript source makes,
 * also on a worker thread.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT, realCopy, removeRepo, snapshot } from './support.js';
import { codeVersion } from '../../src/build/hash.js';
import { deserialize, flatten, type Definition } from '../../src/typeset/hyphen-patterns.js';

const require = createRequire(import.meta.url);

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

/** A fresh folder for compiled code, inside the project as the launcher needs. */
function codeDir(): string {
  fs.mkdirSync(path.join(PROJECT, '.cache'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(PROJECT, '.cache', 'code-test-'));
  temps.push(dir);
  return dir;
}

describe('launch.js', () => {
  it('compiles once per version of src/, then reuses the compiled code', async () => {
    const dir = codeDir();
    const first = await run([LAUNCH, 'check', '--help'], { PSL_CODE_DIR: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const versions = fs.readdirSync(dir);
    expect(versions).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, versions[0]!, 'complete'))).toBe(true);
    // satori with its dependencies in one CommonJS file (see PACKAGE_BUNDLES).
    const requires = fs.readFileSync(path.join(dir, versions[0]!, 'satori.cjs'), 'utf8').match(/require\("[^"]+"\)/g) ?? [];
    expect(requires.map((r) => r.slice(9, -2)).filter((id) => !builtinModules.includes(id.replace(/^node:/, '')))).toEqual([]);
    const compiledAt = fs.statSync(path.join(dir, versions[0]!, 'check.js')).mtimeMs;

    const second = await run([LAUNCH, 'check', '--help'], { PSL_CODE_DIR: dir });
    expect(second.stdout).toBe(first.stdout);
    expect(fs.readdirSync(dir)).toEqual(versions);
    expect(fs.statSync(path.join(dir, versions[0]!, 'check.js')).mtimeMs).toBe(compiledAt);
  }, 120_000);

  it('compiles again when the lock file changes, since the compiled code holds the npm packages it bundles', async () => {
    // A copy of the project (its node_modules linked): the launcher finds the lock file beside src/.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-launch-'));
    temps.push(project);
    fs.cpSync(path.join(PROJECT, 'src'), path.join(project, 'src'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(PROJECT, file), path.join(project, file));
    fs.symlinkSync(path.join(PROJECT, 'node_modules'), path.join(project, 'node_modules'));
    const launch = path.join(project, 'src/cli/launch.js');
    const versions = () => fs.readdirSync(path.join(project, '.cache/code')).filter((name) => !name.startsWith('tmp-'));
    expect((await run([launch, 'check', '--help'])).code).toBe(0);
    expect(versions()).toHaveLength(1);
    expect((await run([launch, 'check', '--help'])).code).toBe(0);
    expect(versions()).toHaveLength(1);
    fs.appendFileSync(path.join(project, 'package-lock.json'), '\n');
    expect((await run([launch, 'check', '--help'])).code).toBe(0);
    expect(versions()).toHaveLength(2);
  }, 120_000);

  it('refuses an unknown command with exit code 2', async () => {
    const result = await run([LAUNCH, 'publish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('build, check, stamp, dev');
  });

  it('the compiled build, with a worker thread, makes the same dist/ as the TypeScript source', async () => {
    const compiled = await realCopy();
    const source = await realCopy();
    temps.push(compiled, source);
    const args = ['--lang', 'en,fa', '--partial', '--quiet'];
    const env = { SOURCE_DATE_EPOCH: '1764000000' };
    const code = codeDir();
    const a = await run([LAUNCH, 'build', '--root', compiled, '--workers', '1', ...args], { ...env, PSL_CODE_DIR: code });
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    // The compiled code keeps the code versions it used beside itself: the same as the source's.
    const [version] = fs.readdirSync(code);
    const kept = JSON.parse(fs.readFileSync(path.join(code, version!, 'versions.json'), 'utf8')) as { versions: Record<string, string> };
    expect(Object.keys(kept.versions)).toEqual(expect.arrayContaining(['render/pdf.ts', 'render/images.ts', 'content/parse.ts', 'check/index.ts']));
    for (const [entry, value] of Object.entries(kept.versions)) expect(value, entry).toBe(codeVersion(entry));
    // The share images were laid out by the bundled satori, which left its code cache beside it,
    // and the English PDFs hyphenated with the patterns' flat trie, kept there too.
    expect(fs.readdirSync(path.join(code, version!)).filter((f) => /^v8-satori_cjs-/.test(f))).toHaveLength(1);
    expect(deserialize(fs.readFileSync(path.join(code, version!, 'hyphen-en-gb.bin')))).toEqual(flatten(require('hyphen/patterns/en-gb.js') as Definition));
    // The build is one CommonJS file, run through a code cache: one made by this thread before
    // it set the build's V8 flags, one by the worker thread, which runs with them.
    const caches = () => fs.readdirSync(path.join(code, version!)).filter((f) => /^v8-build_cjs-/.test(f)).map((f) => [f, fs.statSync(path.join(code, version!, f)).mtimeMs]);
    const made = caches();
    expect(made).toHaveLength(2);
    expect(new Set(made.map(([f]) => String(f).split('-').pop())).size).toBe(2);
    // The next build takes them as they are (a cache V8 refused would be written again).
    fs.rmSync(path.join(compiled, 'dist'), { recursive: true });
    fs.rmSync(path.join(compiled, '.cache'), { recursive: true });
    const again = await run([LAUNCH, 'build', '--root', compiled, '--workers', '1', ...args], { ...env, PSL_CODE_DIR: code });
    expect(again.code).toBe(0);
    expect(caches()).toEqual(made);
    const b = await run(['--import', 'tsx', path.join(PROJECT, 'src/cli/build.ts'), '--root', source, '--workers', '0', ...args], env);
    expect(b.code).toBe(0);
    const dist = snapshot(path.join(compiled, 'dist'));
    expect(Object.keys(dist).length).toBeGreaterThan(30);
    expect(dist).toEqual(snapshot(path.join(source, 'dist')));
  }, 300_000);
});
