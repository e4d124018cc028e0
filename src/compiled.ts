/**
 * Where the compiled code runs from (see src/cli/launch.js), and a V8 code cache kept there
 * for large CommonJS files of npm packages.
 *
 * Why a code cache: satori is 1.6 MB of JavaScript that requires nine more packages: it loaded
 * in 155–168 ms, in 86–145 ms from the cache, and in 50–78 ms from the cache when compiled
 * with them into one file. The hyphenation patterns are JavaScript literals (German alone is
 * 746 KB): the four that the PDFs use loaded in 103–172 ms, and in 69–77 ms from the cache,
 * most of it building their objects, which no cache saves; they are now read as a flat trie
 * kept here too (typeset/hyphen-patterns.ts), and compiled only to make it. Node 20 has no
 * compile cache of its own for modules.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { writeAtomic } from './build/files.js';

/**
 * The folder of the compiled code this module runs from, if it does: launch.js names that
 * folder after a hash of all of src/ and marks it complete. Every compiled module sits in it.
 */
export const COMPILED_DIR = ((dir: string) => (fs.existsSync(path.join(dir, 'complete')) ? dir : undefined))(path.dirname(fileURLToPath(import.meta.url)));

const require = createRequire(import.meta.url);

const loaded = new Map<string, unknown>();

/**
 * `require(id)`, compiled with a V8 code cache kept in `cacheDir` (by default beside the
 * compiled code; without one, a plain require). Like require, it runs a file once per thread
 * and then gives the same exports.
 */
export function requireCached(id: string, cacheDir = COMPILED_DIR): unknown {
  const file = require.resolve(id);
  if (!cacheDir) return require(file);
  if (!loaded.has(file)) loaded.set(file, load(file, id, cacheDir));
  return loaded.get(file);
}

/**
 * An npm package that launch.js compiled with its dependencies into one CommonJS file
 * (`<name>.cjs` beside the compiled code, see PACKAGE_BUNDLES there), through the code cache;
 * run from the TypeScript source, the package itself.
 */
export function requirePackage(name: string): unknown {
  const bundle = COMPILED_DIR && path.join(COMPILED_DIR, `${name}.cjs`);
  return requireCached(bundle && fs.existsSync(bundle) ? bundle : name);
}

function load(file: string, id: string, cacheDir: string): unknown {
  const source = fs.readFileSync(file, 'utf8');
  // V8 checks a cache against the source's length only, so the name carries its hash; the
  // version tag covers V8 and its flags (commands that run once set other flags than the dev server).
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const name = (path.isAbsolute(id) ? path.basename(id) : id).replace(/[^\w-]+/g, '_');
  const cacheFile = path.join(cacheDir, `v8-${name}-${hash}-${v8.cachedDataVersionTag()}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // not made yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    try {
      writeAtomic(cacheFile, script.createCachedData());
    } catch {
      // a read-only checkout: compiled again next time
    }
  }
  return module.exports;
}
