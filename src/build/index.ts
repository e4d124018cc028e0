/**
 * The build: check, render, cache, bundle and publish into dist/ atomically.
 *
 *   build({ root })                    what `npm run build` runs (src/cli/build.ts)
 *   startDevServer({ root, port })     what `npm run dev` runs (src/cli/dev.ts)
 *
 * Modules: build.ts (the steps), jobs.ts (units of work and cache keys), hash.ts (input and
 * code versions), store.ts (the cache in .cache/build; its blobs in blob-packs.ts, what
 * exporters keep in kept-pack.ts), pool.ts + runner.ts + worker.ts (where
 * jobs run), worker-start.ts (starting workers, one as the command starts), staging.ts (atomic
 * swap, reusing unchanged files), bundle.ts + zips.ts (release zips), manifest.ts,
 * progress.ts, options.ts + cli.ts (the command), dev.ts (preview server), bench.ts
 * (`npm run bench`), real-checker.ts and real-renderers.ts (the project's checker and
 * exporters behind small interfaces). What exporters keep between builds: ../keep.ts.
 */
export { build, type BuildOptions, type BuildResult } from './build.js';
export { startDevServer, type DevServer, type DevOptions } from './dev.js';
export { BuildError, EXIT } from './errors.js';
export type { Manifest, ManifestEntry } from './manifest.js';
