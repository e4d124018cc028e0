/**
 * Where the compiled code runs from (see src/cli/launch.js), and what it needs of its loader,
 * code-cache.cjs: a V8 code cache kept there for large CommonJS files of npm packages, and
 * import() for the build's code, which runs from a code cache itself.
 *
 * Why a code cache: satori is 1.6 MB of JavaScript that requires nine more packages: it loaded
 * in 155–168 ms, in 86–145 ms from the cache, and in 50–78 ms from the cache when compiled
 * with them into one file. The hyphenation patterns are JavaScript literals (German alone is
 * 746 KB): the four that the PDFs use loaded in 103–172 ms, and in 69–77 ms from the cache,
 * most of it building their objects, which no cache saves; they are now read as a flat trie
 * kept here too (typeset/hyphen-patterns.ts), and compiled only to make it. Node 20 has no
 * compile cache of its own for modules.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * `import(specifier)`, for npm packages that are ES modules and for module URLs. The build's
 * code runs as one CommonJS file from V8's code cache (see launch.js), and there import()
 * fails in Node 20: a script compiled from a code cache has lost its dynamic-import callback.
 * So the import is made by code-cache.cjs beside it, which Node loaded as usual.
 */
export function importModule<T>(specifier: string): Promise<T> {
  if (import.meta.url.endsWith('.cjs')) return codeCache().importModule(specifier) as Promise<T>;
  return import(specifier) as Promise<T>;
}

interface CodeCache {
  run(file: string, cacheDir?: string, name?: string): { exports: unknown; saveCache(): void };
  importModule(specifier: string): Promise<unknown>;
}

/** src/cli/code-cache.cjs, or its copy beside the compiled code (see launch.js). */
function codeCache(): CodeCache {
  const dir = COMPILED_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli');
  return require(path.join(dir, 'code-cache.cjs')) as CodeCache;
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
  // A package's file by its id (hyphen/patterns/be.js), a file by its own name (satori.cjs).
  const script = codeCache().run(file, cacheDir, path.isAbsolute(id) ? undefined : id.replace(/[^\w-]+/g, '_'));
  script.saveCache();
  return script.exports;
}
