/**
 * The rendered pages in Debian's chromium, served from 127.0.0.1: axe-core finds no
 * violations (light and dark), nothing is requested from anywhere else, every font loads,
 * text aligns to the start side of its direction at phone and desktop widths, and the
 * isolated left-to-right runs of RTL pages read left to right; the Share section is valid,
 * accessible, shows the post kit's texts and requests nothing from the share sites until a
 * link is followed. One browser for the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { SITE } from '../../src/config.js';
import { LANGUAGES } from '../../src/languages.js';
import { CHROMIUM, CHROMIUM_ARGS, haveTools } from '../support/tools.js';
import { HtmlValidate } from 'html-validate';
import { postInput, postKit } from '../../src/export/posts/index.js';
import { html, renderRepository, type Rendered } from './render.js';
import { serve, type Served } from './server.js';

const ok = haveTools(CHROMIUM);
/** Screenshots stay here for people to look at. */
const SHOTS = path.join(os.tmpdir(), 'psl-html-screenshots');
const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];
const shareValidator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

let site: Rendered;
let server: Served;
let browser: Browser;

describe.skipIf(!ok)('pages in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    site = await renderRepository();
    server = await serve(site.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) fs.rmSync(site.dir, { recursive: true, force: true });
  });

  /** A context that aborts and records every request not addressed to the local server. */
  async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ ctx: BrowserContext; outside: string[] }> {
    const ctx = await browser.newContext(options);
    const outside: string[] = [];
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    ctx.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !outside.includes(url)) outside.push(url);
    });
    return { ctx, outside };
  }

  /** axe-core's violations; `only` limits the run to some rules (dark mode only changes colours). */
  async function axeViolations(page: Page, only?: string[]): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate((rules) => (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
      ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
    }), only);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  }

  /** `referer` from this site keeps the picker from redirecting (the reader chose it). */
  async function open(page: Page, urlPath: string, referer?: string): Promise<void> {
    await page.goto(server.origin + urlPath, { waitUntil: 'load', referer });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  const tags = LANGUAGES.map((l) => l.tag);

  describe.each(tags)('%s', (tag) => {
    const urlPath = () => `/${site.pubs.find((p) => p.lang.tag === tag)!.slug}/${tag}/`;

    it('has no axe-core violations in light and dark mode, requests nothing from elsewhere, loads every font', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { ctx, outside } = await context({ colorScheme, viewport: VIEWPORTS[0] });
        const page = await ctx.newPage();
        const before = server.requests.length;
        await open(page, urlPath());
        expect(await axeViolations(page, colorScheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined), `${tag} ${colorScheme}`).toEqual([]);
        expect(outside).toEqual([]);
        const requested = server.requests.slice(before);
        expect(requested.filter((r) => r.status !== 200)).toEqual([]);
        const pub = site.pubs.find((p) => p.lang.tag === tag)!;
        const fonts = site.pageArtefacts.get(`${pub.slug}/${tag}`)!.filter((a) => a.kind === 'font').map((a) => `/${a.path}`).sort();
        expect(requested.map((r) => r.path).filter((p) => p.endsWith('.woff2')).sort()).toEqual(fonts);
        const failed = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family));
        expect(failed).toEqual([]);
        // Readable from 320 px: nothing wider than the narrowest phone.
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), '320 px').toBeLessThanOrEqual(0);
        await ctx.close();
      }
    });

    it.each(VIEWPORTS)('at $width×$height aligns text to the start of its direction and fits the width', async (viewport) => {
      const { ctx, outside } = await context({ viewport });
      const page = await ctx.newPage();
      await open(page, urlPath());
      await page.screenshot({ path: path.join(SHOTS, `${tag}-${viewport.width}x${viewport.height}.png`) });
      const check = await page.evaluate(measureAlignment);
      const dir = LANGUAGES.find((l) => l.tag === tag)!.dir;
      expect(check.overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
      expect(check.blocks.length).toBeGreaterThan(5);
      for (const block of check.blocks) {
        expect(block.direction, block.text).toBe(dir);
        // Every line starts at the block's start edge: the right edge in RTL, the left in LTR.
        for (const gap of block.startGaps) expect(gap, `${block.text} (${dir})`).toBeLessThanOrEqual(2);
      }
      // And the text is ragged at the end side, not centred or justified: some last line ends well short.
      expect(Math.max(...check.blocks.map((b) => b.lastLineEndGap))).toBeGreaterThan(40);
      // Isolated left-to-right runs read left to right, whatever the line's direction.
      for (const run of check.runs) expect(run.ordered, `${run.text}: ${run.lefts.join(' ')}`).toBe(true);
      if (dir === 'rtl') expect(check.runs.some((r) => /\(Aufenthaltsgesetz\)/.test(r.text))).toBe(true);
      expect(outside).toEqual([]);
      await ctx.close();
    });
  });

  it('the checks above catch what they look for: start-aligned LTR text in an RTL page, an unisolated reference', async () => {
    const pub = site.pubs.find((p) => p.lang.tag === 'ar')!;
    const { ctx } = await context({ viewport: VIEWPORTS[0] });
    const page = await ctx.newPage();
    await open(page, `/${pub.slug}/ar/`);
    await page.addStyleTag({ content: '.body p{text-align:left}' });
    // Without isolation the brackets of «(Aufenthaltsgesetz)» take the Arabic direction around them.
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('main bdi').forEach((b) => { b.style.unicodeBidi = 'normal'; }));
    const check = await page.evaluate(measureAlignment);
    expect(check.blocks.filter((b) => b.text && b.startGaps.some((g) => g > 2)).length).toBeGreaterThan(0);
    expect(check.runs.some((r) => /\(Aufenthaltsgesetz\)/.test(r.text) && !r.ordered)).toBe(true);
    await ctx.close();
  });

  it('the language picker works without script, and with script sends the reader to their language', async () => {
    const slug = site.pubs[0].slug;
    const published = site.pubs.filter((p) => p.slug === slug);
    {
      const { ctx, outside } = await context({ javaScriptEnabled: false, locale: 'fa-IR', viewport: VIEWPORTS[0] });
      const page = await ctx.newPage();
      await open(page, `/${slug}/`);
      expect(new URL(page.url()).pathname).toBe(`/${slug}/`);
      const links = await page.$$eval('ul.picker a', (as) => as.map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]));
      expect(links).toEqual(published.map((p) => [p.lang.tag, `${p.lang.tag}/index.html`]));
      await page.screenshot({ path: path.join(SHOTS, `picker-390x844.png`), fullPage: true });
      await ctx.close();
      expect(outside).toEqual([]);
    }
    {
      const { ctx } = await context({ javaScriptEnabled: true, locale: 'fa-IR' });
      const page = await ctx.newPage();
      await ctx.setExtraHTTPHeaders({});
      await page.goto(`${server.origin}/${slug}/`);
      await page.waitForURL(`**/${slug}/fa/index.html`);
      await ctx.close();
    }
    {
      const { ctx } = await context({ javaScriptEnabled: true, locale: 'fa-AF' });
      const page = await ctx.newPage();
      await page.goto(`${server.origin}/${slug}/`);
      await page.waitForURL(`**/${slug}/fa-AF/index.html`);
      await ctx.close();
    }
  });

  it('the picker, the index and the language homes have no axe-core violations and request nothing from elsewhere', async () => {
    const homes = tags.filter((tag) => site.pubs.some((p) => p.lang.tag === tag)).map((tag) => `/${tag}/index.html`);
    for (const urlPath of [`/${site.pubs[0].slug}/`, '/', ...homes]) {
      const { ctx, outside } = await context({ viewport: VIEWPORTS[1] });
      const page = await ctx.newPage();
      await open(page, urlPath, `${server.origin}/`);
      expect(new URL(page.url()).pathname).toBe(urlPath);
      expect(await axeViolations(page), urlPath).toEqual([]);
      expect(outside).toEqual([]);
      if (urlPath === '/') await page.screenshot({ path: path.join(SHOTS, 'index-1280x800.png'), fullPage: true });
      await ctx.close();
    }
  });

  it('404.html has no axe-core violations; its absolute links and icons are this build’s address, nothing else is asked for', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { ctx, outside } = await context({ viewport: VIEWPORTS[0], colorScheme });
      const own: string[] = [];
      // Served at any depth, the page names this build's address: answer it from the rendered dist/.
      await ctx.route(`${SITE.baseUrl}**`, (route) => {
        const rest = route.request().url().slice(SITE.baseUrl.length);
        own.push(rest);
        const file = path.join(site.dir, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
        return fs.existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
      });
      const page = await ctx.newPage();
      await open(page, '/404.html');
      expect(await axeViolations(page, colorScheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined), colorScheme).toEqual([]);
      expect(outside.filter((u) => !u.startsWith(SITE.baseUrl))).toEqual([]);
      expect(await page.$$eval('.not-found', (els) => els.map((e) => [e.getAttribute('lang'), getComputedStyle(e).direction])))
        .toEqual(tags.filter((tag) => site.pubs.some((p) => p.lang.tag === tag)).map((tag) => [tag, LANGUAGES.find((l) => l.tag === tag)!.dir]));
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `404-${colorScheme}.png`), fullPage: true });
      await ctx.close();
    }
  });

  it('the pages work from file:// (an unpacked bundle): following links between pages never leaves the folder', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORTS[0] });
    const outside: string[] = [];
    const page = await ctx.newPage();
    page.on('request', (r) => { if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) outside.push(r.url()); });
    const start = `file://${site.dir}/index.html`;
    await page.goto(start);
    // The index → a language home → a statement → its language switcher → the other language's home.
    await page.click('nav.langs a[hreflang="fa"]');
    expect(page.url()).toBe(`file://${site.dir}/fa/index.html`);
    await page.click('ol.listing a');
    expect(page.url()).toMatch(new RegExp(`^file://${site.dir}/[a-z0-9-]+/fa/index\\.html$`));
    expect(await page.$eval('h1', (e) => e.textContent?.length ?? 0)).toBeGreaterThan(5);
    await page.click('nav.langs a[hreflang="ru"]');
    expect(page.url()).toMatch(/\/ru\/index\.html$/);
    await page.click('footer a[href$="ru/index.html"]');
    expect(page.url()).toBe(`file://${site.dir}/ru/index.html`);
    expect(outside).toEqual([]);
    await ctx.close();
  });

  it('feeds and sitemap are well-formed XML', async () => {
    const { ctx } = await context();
    const page = await ctx.newPage();
    await open(page, '/');
    const files = ['sitemap.xml', ...fs.readdirSync(path.join(site.dir, 'feeds')).map((f) => `feeds/${f}`)];
    expect(files.length).toBeGreaterThan(LANGUAGES.length);
    for (const file of files) {
      const xml = fs.readFileSync(path.join(site.dir, file), 'utf8');
      const error = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        return doc.querySelector('parsererror')?.textContent ?? null;
      }, xml);
      expect(error, file).toBeNull();
    }
    await ctx.close();
  });

  it.each(LANGUAGES.map((l) => l.tag))('the Share section in %s: valid, accessible, quiet until clicked, showing the kit’s texts', async (tag) => {
    const pub = site.pubs.find((p) => p.lang.tag === tag && p.slug === 'humanitarian-visas')!;
    const source = html(site.pageArtefacts.get(`${pub.slug}/${tag}`)!.find((a) => a.kind === 'html')!);
    expect(source).toContain('<section class="share"');
    const report = await shareValidator.validateString(source);
    expect(report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);

    const { ctx, outside } = await context();
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/${pub.slug}/${tag}/index.html`, { waitUntil: 'load' });
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run({ include: [['.share']] }));
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    // axe looked at the text areas' labels and the links' names, not at an empty section.
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'link-name']));

    const kit = postKit(pub.slug, postInput(pub));
    const shown = await page.$$eval('.share textarea', (areas) => areas.map((a) => ({ value: (a as HTMLTextAreaElement).value, label: (a as HTMLTextAreaElement).labels?.[0]?.textContent ?? '' })));
    expect(shown.map((s) => s.value)).toEqual([kit.telegram.plain, kit.whatsapp.text, ...kit.x.posts.map((p) => p.text), kit.instagram.text]);
    expect(shown.every((s) => s.label.trim().length > 0)).toBe(true);
    expect(outside).toEqual([]);
    await ctx.close();
  });
});

/** Runs in the page: line boxes of the text blocks of the statement, and the isolated runs. */
function measureAlignment() {
  const blocks: { text: string; direction: string; startGaps: number[]; lastLineEndGap: number }[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main h1, main .dateline, main .lede, main .body p, main .signature')) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5).sort((a, b) => a.top + a.bottom - b.top - b.bottom);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    const lines: DOMRect[][] = [];
    for (const r of rects) {
      const line = lines.at(-1);
      const centre = (r.top + r.bottom) / 2;
      if (line && Math.abs(centre - (line[0].top + line[0].bottom) / 2) < lineHeight / 2) line.push(r);
      else lines.push([r]);
    }
    const rtl = style.direction === 'rtl';
    const startGaps = lines.map((line) => (rtl ? right - Math.max(...line.map((r) => r.right)) : Math.min(...line.map((r) => r.left)) - left));
    const last = lines.at(-1) ?? [];
    const lastLineEndGap = lines.length > 1 ? (rtl ? Math.min(...last.map((r) => r.left)) - left : right - Math.max(...last.map((r) => r.right))) : 0;
    blocks.push({ text: (el.textContent ?? '').slice(0, 40), direction: style.direction, startGaps, lastLineEndGap });
  }
  const runs: { text: string; ordered: boolean; lefts: number[] }[] = [];
  for (const bdi of document.querySelectorAll('main bdi')) {
    const node = bdi.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = node.textContent ?? '';
    const lefts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      lefts.push(Math.round(rect.left * 10) / 10);
    }
    // Within one line, characters of a left-to-right run go left to right.
    const firstTop = Math.round((bdi.getClientRects()[0]?.top ?? 0));
    const oneLine = bdi.getClientRects().length === 1 || [...bdi.getClientRects()].every((r) => Math.round(r.top) === firstTop);
    runs.push({ text, ordered: !oneLine || lefts.every((x, i) => i === 0 || x > lefts[i - 1]), lefts });
  }
  return { blocks, runs, overflow: document.documentElement.scrollWidth - window.innerWidth };
}
