'use strict';
/**
 * Running a CommonJS file through a V8 code cache: V8 compiles the file's source from the
 * bytecode it kept the last time instead of parsing it again. Node 20 keeps no such cache for
 * modules itself. The build's compiled code is one such file (see launch.js), and so are the
 * large npm packages that src/compiled.ts loads.
 *
 * Plain JavaScript, copied beside the compiled code: a worker thread loads the build's code
 * through this file before any of that code runs.
 */
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

/**
 * Run `file` as CommonJS, compiled with the code cache kept in `cacheDir` (by default beside
 * the file) under `name` (by default the file's name) when there is one V8 takes. `saveCache()` writes one (after the code has run, so that it holds
 * the functions that ran too) when there was none or V8 refused it; it writes nothing once
 * V8's flags have changed, since V8 checks a cache against the flags it was made with.
 * Returns `{ exports, saveCache }`.
 */
exports.run = function run(file, cacheDir = path.dirname(file), name = path.basename(file).replace(/[^\w-]+/g, '_')) {
  const bytes = fs.readFileSync(file);
  // One byte per character when the file is ASCII: a tenth of the time of UTF-8 for 2 MB.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // V8 checks a cache against the source's length only, so the name carries its hash; the
  // version tag covers V8 and its flags.
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const tag = v8.cachedDataVersionTag();
  const cacheFile = path.join(cacheDir, `v8-${name}-${hash}-${tag}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // not made yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  let saved = Boolean(cachedData) && !script.cachedDataRejected;
  return {
    exports: module.exports,
    saveCache() {
      if (saved || v8.cachedDataVersionTag() !== tag) return;
      saved = true;
      const temporary = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        fs.rmSync(temporary, { force: true }); // a read-only checkout: compiled again next time
      }
    },
  };
};

/**
 * `import(specifier)`. A script compiled from a code cache has lost its dynamic-import
 * callback in Node 20 ("A dynamic import callback was not specified"), so code run through
 * run() imports ES modules through this function, which Node loaded as usual.
 */
exports.importModule = (specifier) => import(specifier);

