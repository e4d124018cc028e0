/**
 * The offline bundles as a reader gets them: each zip of a real build, unpacked into a folder
 * and opened in Chromium from file://. Every page the bundle holds is reached by following
 * links from its first page; no link inside leads to a missing file, every font and image loads,
 * and nothing is requested from outside the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { build } from '../../src/build/build.js';
import { SITE } from '../../src/config.js';
import { CHROMIUM, CHROMIUM_ARGS, haveTools } from '../support/tools.js';
import { realCopy, removeRepo } from './support.js';

const ok = haveTools(CHROMIUM);
let root: string;
let browser: Browser;

function unpack(zip: string): string {
  const dir = fs.mkdtempSync(path.join(root, 'unpacked-'));
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(zip)))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

interface Crawl {
  pages: string[];
  /** `page → target` of every link inside the folder to a file that is not there. */
  broken: string[];
  /** Requests that left the folder, and files that failed to load. */
  outside: string[];
  failed: string[];
  /** Pages where a web font did not load. */
  fontless: string[];
}

/** Follows every link from `start` that stays in `dir`, loading each page once. */
async function crawl(dir: string, start: string): Promise<Crawl> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const result: Crawl = { pages: [], broken: [], outside: [], failed: [], fontless: [] };
  ctx.on('request', (r) => { if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) result.outside.push(r.url()); });
  ctx.on('requestfailed', (r) => result.failed.push(r.url()));
  await ctx.route(/^(?!file:|data:)/, (route) => route.abort());
  const page = await ctx.newPage();
  const queue = [pathToFileURL(path.join(dir, start)).href];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
    const here = path.relative(dir, fileURLToPath(url));
    result.pages.push(here);
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length);
    if (fonts === 0) result.fontless.push(here);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      if (!link.startsWith('file://')) continue;
      const target = fileURLToPath(link.split('#')[0]!);
      if (!fs.existsSync(target)) result.broken.push(`${here} → ${path.relative(dir, target)}`);
      else if (target.endsWith('.html') && !seen.has(pathToFileURL(target).href)) {
        seen.add(pathToFileURL(target).href);
        queue.push(pathToFileURL(target).href);
      }
    }
  }
  await ctx.close();
  return result;
}

describe.skipIf(!ok)('offline bundles from file://', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    root = await realCopy();
    await build({ root, workers: 0, partial: true, env: { ...process.env, SOURCE_DATE_EPOCH: '1764000000' } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (root) removeRepo(root);
  });

  it('every zip, unpacked and crawled, has no broken link, loads its fonts and requests nothing outside the folder', async () => {
    const zips = fs.readdirSync(path.join(root, 'dist/release')).filter((f) => f.endsWith('.zip')).sort();
    // A statement's bundle in each language, every language of the statement, everything in one language.
    expect(zips).toEqual(expect.arrayContaining(['humanitarian-visas-fa.zip', 'humanitarian-visas-all.zip', 'fa.zip', 'en.zip']));
    for (const zip of zips) {
      const dir = unpack(path.join(root, 'dist/release', zip));
      const readme = fs.readFileSync(path.join(dir, 'README.txt'), 'utf8');
      const first = /([a-zA-Z0-9/-]+\/index\.html)/.exec(readme)![1]!;
      const result = await crawl(dir, first);
      expect(result.broken, zip).toEqual([]);
      expect(result.outside, zip).toEqual([]);
      expect(result.failed, zip).toEqual([]);
      expect(result.fontless, zip).toEqual([]);
      // The crawl reached every page the zip holds (all are linked from its first page).
      const held = Object.keys(unzipSync(fs.readFileSync(path.join(root, 'dist/release', zip)))).filter((p) => p.endsWith('.html'));
      expect(result.pages.sort(), zip).toEqual(held.sort());
    }
  });

  it('a link to a page the bundle does not hold goes to that page on the website', () => {
    const dir = unpack(path.join(root, 'dist/release/humanitarian-visas-fa.zip'));
    const page = fs.readFileSync(path.join(dir, 'humanitarian-visas/fa/index.html'), 'utf8');
    expect(page).toContain(`href="${SITE.baseUrl}humanitarian-visas/ru/"`);
    expect(page).toContain('href="humanitarian-visas-fa-a4.pdf"');
    // On the website itself the same link stays relative.
    expect(fs.readFileSync(path.join(root, 'dist/humanitarian-visas/fa/index.html'), 'utf8')).toContain('href="../ru/index.html"');
  });
});
