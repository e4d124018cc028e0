/**
 * `node src/cli/launch.js <command> [args]`: runs src/cli/<command>.ts (build, check, stamp,
 * dev) as JavaScript compiled by esbuild, instead of compiling every module on every start.
 *
 * Why: a build from the command line spent 0.76 s starting up under tsx (each of ~150
 * modules compiled through tsx's loader thread); compiled, start-up takes 0.2 s, and a build
 * with nothing to do went from 1.4 s to 0.5 s. The code is compiled once per version of src/
 * and of the lock file, and kept in .cache/code/<hash>/; any edit to src/ compiles it again on
 * the next run (about a second), so what runs is always the code in the checkout.
 *
 * check, stamp and dev are ES modules that share chunks; npm packages that cannot be bundled
 * load from node_modules (see EXTERNAL). The build is one CommonJS file with its worker thread
 * and exporters, run through a V8 code cache (code-cache.cjs): V8 keeps no compiled code of ES
 * modules from one run to the next, and their loader had to compile 59 ms of modules and
 * spent about as long again resolving and linking them in each thread. Alternating with the ES
 * modules, medians of 12: a build with nothing to do took 391 and 406 ms against 433 and 431 ms;
 * of 8: a title edit 1107 against 1198 ms, a cold build 2461 against 2517 ms.
 *
 * Plain JavaScript on purpose: this file is what starts before anything can compile TypeScript.
 * If esbuild cannot be loaded, the command still runs, through tsx.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = ['build', 'check', 'stamp', 'dev'];
/** Commands compiled as ES modules; the build is one CommonJS file (see runBuild). */
const ESM_COMMANDS = ['check', 'stamp', 'dev'];
/** Modules the compiled ES modules import by URL at run time (the dev server's build), besides the commands. */
const DYNAMIC_ENTRIES = ['build/real-renderers.ts', 'build/worker.ts'];
/**
 * npm packages loaded from node_modules rather than bundled: native code (sharp), packages that
 * read their own files (WebAssembly, data) relative to themselves, packages loaded through a
 * V8 code cache (satori, the hyphenation patterns: see src/compiled.ts), and tools for
 * development.
 */
const EXTERNAL = ['sharp', 'harfbuzzjs', 'hyphen', 'satori', 'esbuild', 'tsx', 'playwright-core', 'vitest', 'pdfjs-dist'];
/**
 * npm packages compiled apart, each with its dependencies into one CommonJS file beside the
 * compiled code (satori.cjs), which src/compiled.ts loads through its V8 code cache. satori
 * requires nine packages as it loads: resolving, reading and compiling them took as long as
 * satori itself. Loading it took 86–145 ms as a package (from the code cache), and 50–78 ms
 * bundled; its first layout 47–67 ms, and 33–48 ms (fresh processes, with the build's flags).
 */
const PACKAGE_BUNDLES = ['satori'];
/** Compiled versions of src/ kept side by side (a running dev server may still load from an older one). */
const KEEP = 4;

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(projectDir, 'src');

/**
 * V8 settings for commands that run once and exit. Measured on a cold build of 7 languages
 * (2 cores): a third of the CPU went to V8's optimizing compiler, for JavaScript and for the
 * WebAssembly of HarfBuzz, for code that then ran for a few milliseconds. WebAssembly stays
 * in its baseline compiler, and JavaScript is optimized only when it is really hot (budget
 * 20 times the default): 8.4 s of CPU became 6.2 s, 4.6 s of time 3.5–3.8 s. A build of 25
 * statements took as long either way (31 s and 32 s). And every function goes straight to
 * Sparkplug, V8's baseline compiler (machine code made from the bytecode as it is, no
 * optimizing), instead of running in the interpreter first: cold builds alternating with and
 * without it, medians of 6 and of 8, took 2.04 against 2.11 s and 2.09 against 2.25 s, with
 * 0.17 and 0.33 s less CPU; rebuilds after a title edit took as long (1.03 s with, 1.02 s without). The dev
 * server runs for hours and keeps V8's defaults.
 */
const ONE_SHOT_V8_FLAGS = ['--liftoff-only', '--interrupt-budget=1400000', '--always-sparkplug'];

const [command, ...args] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  console.error(`launch.js runs one of: ${COMMANDS.join(', ')}.`);
  process.exit(2);
}
// The build sets them itself, after starting its first worker (see src/build/worker-start.ts).
if (command === 'build') process.env.PSL_BUILD_V8_FLAGS = ONE_SHOT_V8_FLAGS.join(' ');
else if (command !== 'dev') for (const flag of ONE_SHOT_V8_FLAGS) v8.setFlagsFromString(flag);
const source = path.join(srcDir, 'cli', `${command}.ts`);
const entry = (await compiled()) ?? (await throughTsx());
// The commands check process.argv[1] to know they were started as the main module; the build
// is started by runBuild instead (and the build's worker threads, which see the same
// process.argv and load the same compiled file, must not start it again).
process.argv = [process.argv[0], command === 'build' ? fileURLToPath(import.meta.url) : entry, ...args];
if (command === 'build') await runBuild(entry, args);
else await import(pathToFileURL(entry).href);

/**
 * The build: compiled, one CommonJS file run through a V8 code cache (code-cache.cjs beside
 * it); from the TypeScript source, its module. It saves the code cache just before it sets its
 * V8 flags (see cli/build.ts), since V8 takes a cache only with the flags it was made with.
 */
async function runBuild(entry, args) {
  if (!entry.endsWith('.cjs')) return (await import(pathToFileURL(entry).href)).runCommand(args);
  const { run } = createRequire(import.meta.url)(path.join(path.dirname(entry), 'code-cache.cjs'));
  const build = run(entry);
  return build.exports.runCommand(args, build.saveCache);
}

/** The compiled command, compiling src/ first when it changed; undefined when esbuild is missing. */
async function compiled() {
  // esbuild's version from its package.json: importing esbuild itself costs 50 ms, needed
  // only when there is something to compile.
  const version = esbuildVersion();
  if (!version) return undefined;
  // PSL_CODE_DIR: another folder for compiled code, inside the project so that the code finds
  // node_modules (the benchmark times a first compile with it).
  const codeDir = process.env.PSL_CODE_DIR ?? path.join(projectDir, '.cache', 'code');
  const dir = path.join(codeDir, sourceHash(version));
  const out = path.join(dir, command === 'build' ? 'build.cjs' : `${command}.js`);
  if (fs.existsSync(path.join(dir, 'complete'))) {
    touch(dir);
    return out;
  }
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  // Compile into a temporary folder and rename it into place, so that two commands started
  // together never run a half-written bundle. A checkout where .cache/ cannot be written runs
  // through tsx instead.
  let temp;
  try {
    fs.mkdirSync(codeDir, { recursive: true });
    temp = fs.mkdtempSync(path.join(codeDir, 'tmp-'));
  } catch {
    return undefined;
  }
  try {
    const require = createRequire(import.meta.url);
    const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'error' };
    // All settled before the folder is removed on a failure, so that no build writes into it after.
    const builds = await Promise.allSettled([
      esbuild.build({
        ...common,
        entryPoints: [...ESM_COMMANDS.map((c) => `cli/${c}.ts`), ...DYNAMIC_ENTRIES].map((e) => path.join(srcDir, e)),
        outdir: temp,
        // Flat names: the code asks for its neighbours by URL (./real-renderers.js, ./worker.js),
        // and every compiled file, entry or shared chunk, sits in the same folder.
        entryNames: '[name]',
        splitting: true,
        format: 'esm',
        external: EXTERNAL,
        // Bundled CommonJS packages call require() for Node's modules; ESM has none of its own.
        banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
        sourcemap: 'linked',
      }),
      esbuild.build({
        ...common,
        entryPoints: [path.join(srcDir, 'cli/build.ts')],
        outfile: path.join(temp, 'build.cjs'),
        format: 'cjs',
        external: EXTERNAL,
        // Every module of the file is where the file is, as the ES modules are in their folder.
        define: { 'import.meta.url': '__bundle_url' },
        banner: { js: 'var __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
        // Without comments and indentation: 1.4 MB instead of 1.9 MB to read and hash.
        minifyWhitespace: true,
        legalComments: 'none',
        sourcemap: 'linked',
      }),
      esbuild.build({
        ...common,
        entryPoints: PACKAGE_BUNDLES.map((name) => ({ in: require.resolve(name), out: name })),
        outdir: temp,
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        // Without its comments, satori is ASCII, which code-cache.cjs reads as such: a tenth of
        // the time of decoding UTF-8.
        minifyWhitespace: true,
        legalComments: 'none',
      }),
    ]);
    const failed = builds.find((b) => b.status === 'rejected');
    if (failed) throw failed.reason;
    fs.copyFileSync(path.join(srcDir, 'cli/code-cache.cjs'), path.join(temp, 'code-cache.cjs'));
    fs.writeFileSync(path.join(temp, 'complete'), '');
    try {
      fs.renameSync(temp, dir);
    } catch {
      fs.rmSync(temp, { recursive: true, force: true }); // another command compiled the same code first
    }
  } catch {
    fs.rmSync(temp, { recursive: true, force: true });
    return undefined; // esbuild printed what is wrong; tsx will report it too, with the module's name
  }
  if (!fs.existsSync(path.join(dir, 'complete'))) return undefined;
  try {
    prune(codeDir);
  } catch {
    // another command is pruning too; what is left is tidied up next time
  }
  return out;
}

function esbuildVersion() {
  try {
    const require = createRequire(import.meta.url);
    return JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Run the TypeScript source directly, through tsx's loader. */
async function throughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return source;
}

/**
 * A hash of every file under src/ (names and bytes), the lock file and the compiler's version.
 * The lock file, because the compiled code holds the npm packages it bundles: after `npm ci`
 * installs other versions, the old ones must not run on.
 */
function sourceHash(compilerVersion) {
  const hash = createHash('sha256').update(`esbuild ${compilerVersion}\0`);
  const lock = path.join(projectDir, 'package-lock.json');
  if (fs.existsSync(lock)) hash.update('package-lock.json\0').update(fs.readFileSync(lock));
  for (const file of listFiles(srcDir)) {
    const bytes = fs.readFileSync(file);
    hash.update(`${path.relative(srcDir, file)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function touch(dir) {
  const now = new Date();
  try {
    fs.utimesSync(dir, now, now);
  } catch {
    // read-only checkout: the compiled code still runs
  }
}

/** Remove all but the most recently used compiled versions, and temporary folders of stopped compiles. */
function prune(codeDir) {
  const dirs = fs
    .readdirSync(codeDir)
    .map((name) => ({ name, full: path.join(codeDir, name), mtime: fs.statSync(path.join(codeDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const hourAgo = Date.now() - 3600_000;
  const temporary = dirs.filter((d) => d.name.startsWith('tmp-') && d.mtime < hourAgo);
  const old = dirs.filter((d) => !d.name.startsWith('tmp-')).slice(KEEP);
  for (const d of [...temporary, ...old]) fs.rmSync(d.full, { recursive: true, force: true });
}
