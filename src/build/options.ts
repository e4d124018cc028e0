/**
 * The command line of `npm run build` (and the parts `npm run dev` shares), parsed into
 * build options. A wrong flag is a plain message and exit code 2.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { BuildError, EXIT } from './errors.js';
import { OUTPUTS, type Output } from './jobs.js';

export const BUILD_USAGE = `Usage: npm run build -- [options]

Checks every translation, then writes the HTML pages, print PDFs, share images and
release zips of every complete language to dist/.

  --statement <slug>      only this statement (repeat, or separate with commas)
  --lang <tag>            only this language (repeat, or separate with commas)
  --only html,pdf,images  only these outputs
                          (dist/ then holds only what was asked for)
  --partial               publish the complete languages even if others have errors
  --quiet                 print only problems and nothing else
  --workers <n>           worker threads (0: everything in this process; default: one
                          per core)
  --base-url <url>        build for another address, e.g. a mirror: its own links and QR
                          codes use it, canonical links the main address (site.yaml)
  --root <dir>            the project folder (default: the current folder)
  --help                  this text`;

export interface CliBuildOptions {
  root: string;
  statements?: string[];
  langs?: string[];
  only?: Output[];
  partial: boolean;
  quiet: boolean;
  workers?: number;
  help: boolean;
}

export function parseBuildArgs(argv: string[], cwd = process.cwd()): CliBuildOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        statement: { type: 'string', multiple: true },
        lang: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        partial: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        workers: { type: 'string' },
        root: { type: 'string' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BuildError(`${(error as Error).message}\n\n${BUILD_USAGE}`, EXIT.usage);
  }
  const list = (v?: string[]) => (v ? v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean) : undefined);
  const only = list(values.only);
  for (const o of only ?? []) {
    if (!OUTPUTS.includes(o as Output)) throw new BuildError(`--only takes ${OUTPUTS.join(', ')}; “${o}” is not one of them.`, EXIT.usage);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new BuildError('--workers takes a whole number from 0 to 64.', EXIT.usage);
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(baseUrl)) throw new BuildError(`--base-url takes a web address such as https://mirror.example/; “${baseUrl}” is not one.`, EXIT.usage);
  return {
    root: path.resolve(cwd, values.root ?? '.'),
    statements: list(values.statement),
    langs: list(values.lang),
    only: only as Output[] | undefined,
    partial: values.partial!,
    quiet: values.quiet!,
    workers,
    help: values.help!,
  };
}
