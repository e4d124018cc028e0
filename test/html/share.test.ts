/**
 * The Share section of every statement page: valid HTML (html-validate), no axe-core
 * violation inside it in Chromium, each text area labelled and holding the post kit's text,
 * and nothing requested from the share sites (or anywhere else) until a link is followed.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import axe from 'axe-core';
import { HtmlValidate } from 'html-validate';
import { LANGUAGES } from '../../src/languages.js';
import { postInput, postKit } from '../../src/export/posts/index.js';
import { CHROMIUM, haveTools } from '../support/tools.js';
import { html, renderRepository, type Rendered } from './render.js';
import { serve, type Served } from './server.js';

const ok = haveTools(CHROMIUM);
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
let site: Rendered;
let server: Served;
let browser: Browser;

describe.skipIf(!ok)('the Share section', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    site = await renderRepository();
    server = await serve(site.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) fs.rmSync(site.dir, { recursive: true, force: true });
  });

  it.each(LANGUAGES.map((l) => l.tag))('%s: valid, accessible, quiet until clicked, showing the kit’s texts', async (tag) => {
    const pub = site.pubs.find((p) => p.lang.tag === tag && p.slug === 'humanitarian-visas')!;
    const source = html(site.pageArtefacts.get(`${pub.slug}/${tag}`)!.find((a) => a.kind === 'html')!);
    expect(source).toContain('<section class="share"');
    const report = await validator.validateString(source);
    expect(report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);

    const ctx = await browser.newContext();
    const outside: string[] = [];
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
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
