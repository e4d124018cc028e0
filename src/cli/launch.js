/**
 * `node src/cli/launch.js <command> [args]`: runs src/cli/<command>.ts (build, check, stamp,
 * dev) as JavaScript that esbuild compiled, instead of compiling every TypeScript module on
 * every start. The code is compiled once per version of src/ and of the lock file, into
 * .cache/code/<hash>/, so what runs is always the code in the checkout; the first run after
 * an edit to src/ takes about a second more. Without esbuild, the command runs through tsx.
 *
 * Plain JavaScript on purpose: this file starts before anything can compile TypeScript.
 */
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeVersion } from '../build/code-version.js';

const COMMANDS = ['build', 'check', 'stamp', 'dev'];
/**
 * npm packages loaded from node_modules rather than bundled: native code (sharp), packages
 * that read their own files relative to themselves (WebAssembly, patterns) or are loaded with
 * require() at run time, and tools for development. Bundling the rest spares Node resolving
 * and loading some 400 small modules on every start.
 */
const EXTERNAL = ['sharp', 'harfbuzzjs', 'hyphen', 'esbuild', 'tsx', 'playwright-core', 'vitest', 'pdfjs-dist'];
/** Compiled versions of src/ kept side by side (a running dev server may still use an older one). */
const KEEP = 4;

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(projectDir, 'src');

const [command, ...args] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  console.error(`launch.js runs one of: ${COMMANDS.join(', ')}.`);
  process.exit(2);
}
const entry = (await compiled()) ?? (await throughTsx());
// The commands look at process.argv[1] to know they were started as the program.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);

/** The compiled command, compiling src/ first when it changed; undefined when that cannot be done. */
async function compiled() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const codeDir = path.join(projectDir, '.cache', 'code');
  const dir = path.join(codeDir, `${esbuild.version}-${codeVersion(projectDir).slice(0, 16)}`);
  if (!fs.existsSync(path.join(dir, 'complete')) && !(await compile(esbuild, codeDir, dir))) return undefined;
  // Node 22 and newer keep V8's compiled code between runs; Node 20 compiles each time.
  module.enableCompileCache?.(path.join(dir, 'v8'));
  return path.join(dir, `${command}.js`);
}

/**
 * Compile into a temporary folder and rename it into place, so that two commands started
 * together never run half-written code.
 */
async function compile(esbuild, codeDir, dir) {
  let temp;
  try {
    fs.mkdirSync(codeDir, { recursive: true });
    temp = fs.mkdtempSync(path.join(codeDir, 'tmp-'));
    await esbuild.build({
      entryPoints: [...COMMANDS.map((c) => `cli/${c}.ts`), 'build/worker.ts'].map((e) => path.join(srcDir, e)),
      outdir: temp,
      // Flat names: the pool starts ./worker.js beside the code that asks for it.
      entryNames: '[name]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      // twitter-text asks for `punycode`, which would be Node's own module, deprecated with a
      // warning on every run from Node 22; its package.json names the npm package it means.
      alias: { punycode: 'punycode/' },
      // Bundled CommonJS packages call require(), which ES modules do not have.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
      sourcemap: 'linked',
      logLevel: 'error',
    });
    fs.writeFileSync(path.join(temp, 'complete'), '');
    fs.renameSync(temp, dir);
  } catch {
    // esbuild printed what is wrong, or another command compiled the same code first
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(dir, 'complete'))) return false;
  prune(codeDir);
  return true;
}

/** Run the TypeScript source directly, through tsx's loader. */
async function throughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return path.join(srcDir, 'cli', `${command}.ts`);
}

/** Keep the most recently compiled versions; remove temporary folders of stopped compiles. */
function prune(codeDir) {
  try {
    const dirs = fs
      .readdirSync(codeDir)
      .map((name) => ({ name, full: path.join(codeDir, name), mtime: fs.statSync(path.join(codeDir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    const hourAgo = Date.now() - 3600_000;
    const temporary = dirs.filter((d) => d.name.startsWith('tmp-') && d.mtime < hourAgo);
    const old = dirs.filter((d) => !d.name.startsWith('tmp-')).slice(KEEP);
    for (const d of [...temporary, ...old]) fs.rmSync(d.full, { recursive: true, force: true });
  } catch {
    // another command is pruning too; what is left is tidied up next time
  }
}
