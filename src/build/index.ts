/**
 * The build: check, render, cache, bundle and publish into dist/ atomically.
 *
 *   build({ root })                    what `npm run build` runs (src/cli/build.ts)
 *   startDevServer({ root, port })     what `npm run dev` runs (src/cli/dev.ts)
 *
 * Modules: build.ts (the steps), jobs.ts (the kinds of job and their cache keys), hash.ts and
 * code-version.js (versions of inputs and code), cache.ts (the one cache in .cache/),
 * pool.ts + run.ts + worker.ts (where jobs run), dist.ts (the atomic swap of dist/), zips.ts,
 * manifest.ts, check.ts (the checker's verdict), progress.ts, options.ts + cli.ts (the
 * command), dev.ts (the preview server).
 */
export { build, type BuildOptions, type BuildResult } from './build.js';
export { startDevServer, type DevServer, type DevOptions } from './dev.js';
export { BuildError, EXIT } from './errors.js';
export type { Manifest, ManifestEntry } from './manifest.js';
