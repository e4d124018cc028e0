/**
 * `npm run build`: check, then publish every complete language into dist/.
 * Exit codes: 0 published, 1 check errors or a failed exporter, 2 wrong command line,
 * 130/143 interrupted (dist/ left as it was). `npm run build -- --help` lists the options.
 */
import { runBuildCommand } from '../build/cli.js';

process.exit(await runBuildCommand(process.argv.slice(2)));
