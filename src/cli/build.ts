/**
 * `npm run build`: check, then publish every complete language into dist/.
 * Exit codes: 0 published, 1 check errors or a failed exporter, 2 wrong command line,
 * 130/143 interrupted (dist/ left as it was). `npm run build -- --help` lists the options.
 *
 * launch.js runs it compiled into one CommonJS file with its worker thread and exporters (see
 * there), and calls runCommand; `node --import tsx src/cli/build.ts` runs it from the source.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { startEarlyPdfWorker } from '../build/worker-start.js';

/**
 * The command. `beforeFlags` is called just before the command sets its V8 flags (launch.js
 * saves its code cache then).
 */
export async function runCommand(argv: string[], beforeFlags: () => void = () => {}): Promise<never> {
  // Node's modules that the build loads only later (perf_hooks and tty were loaded after the
  // flags were set, with nine internal modules; child_process by sharp), loaded first, while
  // Node's own code cache still applies to them (see worker-start.ts for why the V8 flags end that).
  const require = createRequire(import.meta.url);
  for (const name of ['zlib', 'vm', 'perf_hooks', 'tty', 'net', 'child_process']) require(`node:${name}`);

  // The PDF worker starts loading while this thread loads the rest of the build, and this
  // command's V8 flags (which launch.js hands over) are set once it has started (worker-start.ts).
  const flags = (process.env.PSL_BUILD_V8_FLAGS ?? '').split(' ').filter(Boolean);
  const ready = startEarlyPdfWorker(argv, () => {
    beforeFlags();
    for (const flag of flags) v8.setFlagsFromString(flag);
  });
  const { runBuildCommand } = await import('../build/cli.js');
  ready();
  process.exit(await runBuildCommand(argv));
}

/**
 * A build worker thread (see worker-start.ts), from the same compiled file as the command.
 * `afterLoad` is called once it has loaded its exporters (the compiled build saves the
 * worker's code cache then: it has the flags by then, see worker-start.ts).
 */
export async function runWorkerThread(afterLoad: () => void = () => {}): Promise<void> {
  const { whenLoaded } = await import('../build/worker.js');
  whenLoaded(afterLoad);
}

/** Started as `node src/cli/build.ts` (a worker thread's process.argv[1] is `[worker eval]`). */
function startedAsProgram(): boolean {
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (startedAsProgram()) void runCommand(process.argv.slice(2));
