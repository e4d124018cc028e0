/**
 * `npm run dev`: a preview server on 127.0.0.1 for organisers and translators. It builds
 * once, serves dist/, watches statements/ and translations/, rebuilds on save (the cache
 * makes that the changed language only; the exporters stay loaded in this process), prints
 * the check's messages, and reloads the open pages.
 *
 * The reload script is added to HTML as it is served; dist/ never contains it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { inProcessPool } from './pool.js';
import { BuildError, describeError } from './errors.js';
import { formatMs, silentReporter, type Reporter } from './progress.js';

export const EVENTS_PATH = '/__psl_dev/events';
export const RELOAD_SCRIPT = `<script>/* npm run dev: reload after each rebuild */new EventSource(${JSON.stringify(EVENTS_PATH)}).onmessage=()=>location.reload();</script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
};

export interface DevOptions extends Omit<BuildOptions, 'pool' | 'partial'> {
  port?: number;
  /** Lines for the terminal (check messages, rebuild times). */
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /** Resolves after the next rebuild finishes (for tests and the benchmark). */
  nextBuild(): Promise<BuildResult | undefined>;
  /** Of the last rebuild: how long it took, and when the browser was told to reload. */
  timings: { ms: number; reloadAt: number };
  /** Rebuild now, as a save would. */
  rebuild(): Promise<BuildResult | undefined>;
  close(): Promise<void>;
}

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const dist = path.join(root, 'dist');
  const log = options.log ?? ((line: string) => console.log(line));
  const pool = inProcessPool();
  const clients = new Set<http.ServerResponse>();
  let waiting: Array<(r: BuildResult | undefined) => void> = [];

  const reporter: Reporter = { ...silentReporter, notice: (text) => log(text) };
  let running: Promise<BuildResult | undefined> | undefined;
  const timings = { ms: 0, reloadAt: 0 };
  let again = false;

  async function once(): Promise<BuildResult | undefined> {
    const start = performance.now();
    try {
      // Always partial: a translator's half-finished file must not stop the preview of the others.
      const result = await build({ ...options, root, pool, partial: true, reporter });
      timings.ms = performance.now() - start;
      timings.reloadAt = performance.now();
      for (const client of clients) client.write('data: reload\n\n');
      log(`Rebuilt in ${formatMs(timings.ms)}: ${result.built} rendered, ${result.cached} unchanged.`);
      return result;
    } catch (error) {
      log(describeError(error));
      return undefined;
    }
  }

  function rebuild(): Promise<BuildResult | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: BuildResult | undefined;
      do {
        again = false;
        result = await once();
      } while (again);
      running = undefined;
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve(result);
      return result;
    })();
    return running;
  }

  await rebuild();

  let timer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 50);
  };
  const watchers = ['statements', 'translations'].map((dir) => fs.watch(path.join(root, dir), { recursive: true }, onChange));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    serveFile(dist, url.pathname, res);
  });
  const port = options.port ?? 4173;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      for (const w of watchers) w.close();
      reject(error.code === 'EADDRINUSE' ? new BuildError(`Port ${port} is already in use; stop the other server or pass --port <another number>.`) : error);
    });
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${address.port}/`,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    timings,
    rebuild,
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await running;
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
    },
  };
}

function serveFile(dist: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return notFound(res);
  }
  const file = path.resolve(dist, `.${path.posix.normalize(`/${rel}`)}`);
  if (file !== dist && !file.startsWith(dist + path.sep)) return notFound(res);
  let target = file;
  try {
    if (fs.statSync(target).isDirectory()) target = path.join(target, 'index.html');
  } catch {
    return notFound(res);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(target);
  } catch {
    return notFound(res);
  }
  const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) bytes = Buffer.from(injectReload(bytes.toString('utf8')));
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(bytes);
}

export function injectReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
