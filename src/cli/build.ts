/**
 * `npm run build`: check, then publish every complete language into dist/.
 * Exit codes: 0 published, 1 check errors or a failed exporter, 2 wrong command line,
 * 130/143 interrupted (dist/ left as it was). `npm run build -- --help` lists the options.
 */
import v8 from 'node:v8';
import { startEarlyPdfWorker } from '../build/worker-start.js';

// Node's modules that the build loads only later (perf_hooks and tty were loaded after the
// flags were set, with nine internal modules), loaded first, while Node's own code cache still
// applies to them (see worker-start.ts for why the V8 flags end that).
await Promise.all(['zlib', 'vm', 'perf_hooks', 'tty', 'net'].map((name) => import(`node:${name}`)));

// The PDF worker starts loading while this thread loads the rest of the build, and this
// command's V8 flags (which launch.js hands over) are set once it has started (worker-start.ts).
const flags = (process.env.PSL_BUILD_V8_FLAGS ?? '').split(' ').filter(Boolean);
const ready = startEarlyPdfWorker(process.argv.slice(2), () => {
  for (const flag of flags) v8.setFlagsFromString(flag);
});
const { runBuildCommand } = await import('../build/cli.js');
ready();
process.exit(await runBuildCommand(process.argv.slice(2)));
