/**
 * `npm run check [-- options]`: check every translation and print what to fix.
 *
 *   --format json        print only a JSON array of diagnostics (see TRANSLATING.md)
 *   --lang fa,ru         only these languages (repeatable)
 *   --statement <slug>   only these statements (repeatable)
 *
 * Exit code 0: no errors; 1: errors found; 2: wrong usage or an internal failure.
 * Colour unless NO_COLOR is set or stdout is not a terminal. With GITHUB_ACTIONS=true, also
 * prints ::error/::warning annotations and appends a summary to $GITHUB_STEP_SUMMARY.
 */
import fs from 'node:fs';
import { LANGUAGES } from '../languages.js';
import { loadRepository } from '../content/index.js';
import { checkRepository, formatHuman, formatJson, githubAnnotations, githubSummary, prepareCheck } from '../check/index.js';

const USAGE = `Usage: npm run check -- [--format human|json] [--lang <tag>[,<tag>…]] [--statement <name>[,<name>…]]
Languages: ${LANGUAGES.map((l) => l.tag).join(', ')}`;

class UsageError extends Error {}

interface Args { format: 'human' | 'json'; langs?: string[]; statements?: string[]; help: boolean }

export function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'human', help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    const list = () => value().split(',').map((s) => s.trim()).filter(Boolean);
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'json' && f !== 'human') throw new UsageError(`Unknown format “${f}”; use json or human.`);
        args.format = f;
        break;
      }
      case '--lang': args.langs = [...(args.langs ?? []), ...list()]; break;
      case '--statement': args.statements = [...(args.statements ?? []), ...list()]; break;
      case '--help': case '-h': args.help = true; break;
      default: throw new UsageError(`Unknown option “${argv[i]}”.`);
    }
  }
  const unknown = (args.langs ?? []).filter((tag) => !LANGUAGES.some((l) => l.tag === tag));
  if (unknown.length) throw new UsageError(`Unknown language ${unknown.map((t) => `“${t}”`).join(', ')}.`);
  return args;
}

export async function main(argv: string[], root = process.cwd()): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await prepareCheck();
  const repo = loadRepository(root);
  const missing = (args.statements ?? []).filter((slug) => !repo.statements.some((s) => s.slug === slug));
  if (missing.length) {
    process.stderr.write(`No statement named ${missing.map((s) => `“${s}”`).join(', ')} in statements/.\n${USAGE}\n`);
    return 2;
  }
  const report = checkRepository(repo, { langs: args.langs, statements: args.statements });
  const github = process.env.GITHUB_ACTIONS === 'true';
  if (args.format === 'json') {
    process.stdout.write(formatJson(report));
    // stdout must stay pure JSON; the Actions runner reads workflow commands from stderr too.
    if (github) process.stderr.write(githubAnnotations(report));
  } else {
    const color = !process.env.NO_COLOR && process.stdout.isTTY === true;
    process.stdout.write(formatHuman(report, { color }));
    if (github) process.stdout.write(githubAnnotations(report));
  }
  if (github && process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummary(report));
  return report.errorCount > 0 ? 1 : 0;
}

/** Anything unexpected becomes one plain line and exit code 2, never a stack trace. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`The check could not run: ${message}\nPlease report this to an organiser, with the command you ran.\n`);
  process.exitCode = 2;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, fail);
}
