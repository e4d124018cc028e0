/**
 * The `npm run build` command: arguments, signals, printing, exit codes. Kept apart from
 * src/cli/build.ts so tests can run the same command with stand-in exporters.
 */
import { build, type BuildOptions } from './build.js';
import { BUILD_USAGE, parseBuildArgs } from './options.js';
import { consoleReporter } from './progress.js';
import { BuildError, EXIT, describeError } from './errors.js';

/** Run the build command; resolves to the exit code. */
export async function runBuildCommand(argv: string[], extra: Partial<BuildOptions> = {}): Promise<number> {
  let options;
  try {
    options = parseBuildArgs(argv);
  } catch (error) {
    console.error(describeError(error));
    return error instanceof BuildError ? error.exitCode : EXIT.usage;
  }
  if (options.help) {
    console.log(BUILD_USAGE);
    return EXIT.ok;
  }
  const controller = new AbortController();
  let signal: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => {
    // A second signal means “now”: leave at once; the next build tidies .cache/ up.
    if (signal) process.exit(EXIT[name]);
    signal = name;
    controller.abort();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);

  const ci = Boolean(process.env.CI);
  const tty = Boolean(process.stderr.isTTY) && !ci;
  const reporter = consoleReporter({ quiet: options.quiet, bar: tty });
  try {
    const result = await build({ ...options, reporter, signal: controller.signal, color: tty, ...extra });
    // For `npm run bench`, which runs this command as a child process and needs its figures.
    if (process.env.PSL_BUILD_STATS) {
      const usage = process.resourceUsage();
      const stats = { sinceStart: performance.now(), ms: result.ms, built: result.built, cached: result.cached, files: result.artefacts.length, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
      console.error(`PSL_BUILD_STATS ${JSON.stringify(stats)}`);
    }
    return EXIT.ok;
  } catch (error) {
    if (signal) {
      console.error('Interrupted; dist/ was left as it was.');
      return EXIT[signal];
    }
    console.error(describeError(error));
    if (process.env.PSL_DEBUG && error instanceof Error && !(error instanceof BuildError)) console.error(error.stack);
    return error instanceof BuildError ? error.exitCode : EXIT.failed;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
