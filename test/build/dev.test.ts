/**
 * The preview server: serves dist/ on 127.0.0.1 with the reload script added (never written
 * into dist/), rebuilds only what changed on save, tells open pages to reload, and refuses
 * paths outside dist/.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startDevServer, RELOAD_SCRIPT, EVENTS_PATH, type DevServer } from '../../src/build/dev.js';
import { fakeChecker } from './fixtures/checker.js';
import { FAKE_RENDERERS, removeRepo, tempRepo, writeTranslation } from './support.js';
import { JOB_KINDS } from '../../src/render/index.js';

// Real processes and threads on a shared two-core machine: allow for a slow minute.
vi.setConfig({ testTimeout: 120_000 });

let server: DevServer | undefined;
const roots: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  roots.splice(0).forEach(removeRepo);
});

function rawGet(url: string, rawPath: string): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject);
  });
}

describe('npm run dev', () => {
  it('serves the build with live reload, and rebuilds only the changed translation on save', async () => {
    const root = tempRepo();
    roots.push(root);
    const lines: string[] = [];
    server = await startDevServer({ root, port: 0, renderers: FAKE_RENDERERS, checker: fakeChecker, log: (l) => lines.push(l), env: {} });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await (await fetch(`${server.url}alpha/de/`)).text();
    expect(page).toContain(RELOAD_SCRIPT);
    expect(fs.readFileSync(path.join(root, 'dist/alpha/de/index.html'), 'utf8')).not.toContain('EventSource');
    const pdf = await fetch(`${server.url}alpha/de/alpha-de-a4.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    // Listen for the reload event, then save a translation.
    const events = await fetch(`${server.url}${EVENTS_PATH.slice(1)}`);
    const reader = events.body!.getReader();
    await reader.read(); // ": connected"
    const rebuilt = server.nextBuild();
    writeTranslation(root, 'de', 'alpha', 'Neu übersetzt.');
    const pdfBefore = fs.readFileSync(path.join(root, 'dist/alpha/de/alpha-de-a4.pdf'));
    const result = await rebuilt;
    // the jobs that show the body (page, PDFs, post kit …) and the site files; the images stay
    const rendered = JOB_KINDS.filter((k) => !k.inputs).length + 1;
    expect(result?.built).toBe(rendered);
    expect(fs.readFileSync(path.join(root, 'dist/alpha/de/alpha-de-a4.pdf')).equals(pdfBefore)).toBe(false);
    const message = new TextDecoder().decode((await reader.read()).value);
    expect(message).toContain('data: reload');
    await reader.cancel();
    expect(lines.some((l) => new RegExp(`^Rebuilt in .*: ${rendered} rendered`).test(l))).toBe(true);

    // A check error in one language is printed and only that language disappears.
    const broken = server.nextBuild();
    writeTranslation(root, 'fa', 'alpha', 'CHECK-ERROR');
    await broken;
    expect(lines.join('\n')).toContain('translations/fa/alpha.md:1:1 error contains CHECK-ERROR');
    expect((await fetch(`${server.url}alpha/fa/`)).status).toBe(404);
    expect((await fetch(`${server.url}alpha/ru/`)).status).toBe(200);
  });

  it('refuses paths outside dist/', async () => {
    const root = tempRepo();
    roots.push(root);
    fs.writeFileSync(path.join(root, 'secret.txt'), 'no');
    server = await startDevServer({ root, port: 0, renderers: FAKE_RENDERERS, checker: fakeChecker, log: () => {}, env: {} });
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/statements/alpha.md']) {
      expect(await rawGet(server.url, p), p).toBe(404);
    }
  });
});
