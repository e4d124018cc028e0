/**
 * `npm run build`: check, then publish every complete language into dist/.
 * Exit codes: 0 published, 1 check errors or a failed exporter, 2 wrong command line,
 * 130/143 interrupted (dist/ left as it was). `npm run build -- --help` lists the options.
 */
const argv = process.argv.slice(2);
// The site settings are read as their module loads: this build's own address must be known first.
const at = argv.findIndex((a) => a === '--base-url' || a.startsWith('--base-url='));
const baseUrl = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1];
// A value that is not a web address is reported by the option parser, with the usage.
if (baseUrl && /^https?:\/\//.test(baseUrl)) process.env.PSL_BASE_URL = baseUrl;
const { runBuildCommand } = await import('../build/cli.js');
process.exit(await runBuildCommand(argv));
