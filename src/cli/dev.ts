/**
 * `npm run dev`: preview at http://127.0.0.1:4173/, rebuilt and reloaded on every save.
 * Options: --port <n>, --root <dir>, --lang, --statement, --only (as for the build).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { startDevServer } from '../build/dev.js';
import { BuildError, EXIT, describeError } from '../build/errors.js';
import { OUTPUTS, type Output } from '../build/jobs.js';

const list = (v?: string[]) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);

function args() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4173' },
        root: { type: 'string', default: '.' },
        lang: { type: 'string', multiple: true },
        statement: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
      },
    }).values;
  } catch (error) {
    throw new BuildError((error as Error).message, EXIT.usage);
  }
}

try {
  const values = args();
  const only = list(values.only);
  if (only?.some((o) => !OUTPUTS.includes(o as Output))) throw new BuildError(`--only takes ${OUTPUTS.join(', ')}.`, EXIT.usage);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BuildError('--port takes a port number, e.g. 4173.', EXIT.usage);
  console.log('Building…');
  const server = await startDevServer({
    root: path.resolve(values.root!),
    port,
    langs: list(values.lang),
    statements: list(values.statement),
    only: only as Output[] | undefined,
    color: Boolean(process.stdout.isTTY),
  });
  console.log(`Preview: ${server.url}  (rebuilds when you save a file in statements/ or translations/; Ctrl+C stops)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(describeError(error));
  process.exit(error instanceof BuildError ? error.exitCode : EXIT.failed);
}
