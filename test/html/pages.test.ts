/**
 * The real statement pages of every language, rendered into a temporary folder: valid HTML,
 * complete and reciprocal head, links to exactly the artefacts the other exporters write,
 * fonts with their licences, the weight budget, deterministic bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import i18next from 'i18next';
import { joinFor, SITE } from '../../src/config.js';
import { FONTS } from '../../src/fonts.js';
import { formatDate, LANGUAGES } from '../../src/languages.js';
import { artefactPaths, shareText, type Publication } from '../../src/publication.js';
import { renderPage } from '../../src/render/html.js';
import { statementTree } from '../../src/export/html/page.js';
import { serialise } from '../../src/export/html/document.js';
import { clearSubsetCache } from '../../src/export/html/fonts.js';
import { html, REPO_ROOT, renderRepository, type Rendered } from './render.js';

let site: Rendered;
beforeAll(async () => { site = await renderRepository(); }, 180_000);
afterAll(() => { if (site) fs.rmSync(site.dir, { recursive: true, force: true }); });

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  // Statement titles are the organisation's words; the <title> carries them in full.
  rules: { 'long-title': 'off' },
});

function pub(tag: string): Publication {
  const found = site.pubs.find((p) => p.lang.tag === tag);
  expect(found, `no publication in ${tag}: is translations/${tag}/ complete?`).toBeDefined();
  return found!;
}

function page(p: Publication): string {
  return html(site.pageArtefacts.get(`${p.slug}/${p.lang.tag}`)!.find((a) => a.kind === 'html')!);
}

/** dist/ path an absolute site URL points at, or undefined when it is not under SITE.canonicalUrl (the same as SITE.baseUrl here). */
function distPath(url: string): string | undefined {
  if (!url.startsWith(SITE.canonicalUrl)) return undefined;
  const rest = url.slice(SITE.canonicalUrl.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

function attr(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((m) => m[1].replace(/&#x26;/g, '&').replace(/&#x22;/g, '"'));
}

const meta = (source: string, property: string) => attr(source, new RegExp(`<meta property="${property}" content="([^"]*)"`, 'g'));

describe.each(LANGUAGES.map((l) => l.tag))('%s page', { timeout: 60_000 }, (tag) => {
  it('needs no script: the statement page has none', () => {
    expect(page(pub(tag))).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('is valid HTML (html-validate recommended rules)', async () => {
    const report = await validator.validateString(page(pub(tag)));
    const messages = report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    expect(messages).toEqual([]);
  });

  it('has lang, dir, title, description, canonical and reciprocal hreflang alternates that resolve to files', () => {
    const p = pub(tag);
    const source = page(p);
    const paths = artefactPaths(p.slug, tag);
    expect(source).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${tag}" dir="${p.lang.dir}"`));
    expect(source).toContain('<title>');
    expect(attr(source, /<meta name="description" content="([^"]*)"/g)[0]).toBeTruthy();
    expect(attr(source, /<link rel="canonical" href="([^"]*)"/g)).toEqual([SITE.canonicalUrl + `${paths.dir}/`]);
    const alternates = [...source.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(alternates.map(([l]) => l).sort()).toEqual([...p.published.map((l) => l.tag), 'x-default'].sort());
    for (const [, url] of alternates) {
      const file = distPath(url);
      expect(file, url).toBeDefined();
      expect(fs.existsSync(path.join(site.dir, file!)), `${url} → ${file}`).toBe(true);
      // Reciprocal: the page at the other end lists the same alternates.
      const other = fs.readFileSync(path.join(site.dir, file!), 'utf8');
      const back = [...other.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map((m) => [m[1], m[2]]);
      expect(back.sort()).toEqual([...alternates].sort());
    }
  });

  it('has Open Graph and Twitter cards pointing at this language’s share image', () => {
    const p = pub(tag);
    const source = page(p);
    const paths = artefactPaths(p.slug, tag);
    expect(meta(source, 'og:type')).toEqual(['article']);
    expect(meta(source, 'og:url')).toEqual([SITE.canonicalUrl + `${paths.dir}/`]);
    expect(meta(source, 'og:title')[0]).toBe(String(p.doc.data.title).replace(/"/g, p.lang.quotes.open));
    expect(meta(source, 'og:site_name')).toEqual([p.t('site.name')]);
    expect(meta(source, 'og:description')[0]).toBeTruthy();
    expect(meta(source, 'og:image').map(distPath)).toEqual([paths.ogImage]);
    expect(meta(source, 'og:image:width')).toEqual(['1200']);
    expect(meta(source, 'og:image:height')).toEqual(['630']);
    expect(meta(source, 'og:image:alt')).toEqual([shareText(p).alt]);
    expect(meta(source, 'og:locale')).toEqual([p.lang.ogLocale]);
    expect(meta(source, 'og:locale:alternate').sort()).toEqual(p.published.filter((l) => l.tag !== tag).map((l) => l.ogLocale).sort());
    expect(attr(source, /<meta name="twitter:card" content="([^"]*)"/g)).toEqual(['summary_large_image']);
    expect(attr(source, /<meta name="twitter:image:alt" content="([^"]*)"/g)).toEqual([shareText(p).alt]);
  });

  it('links the PDFs, plain text and share images by exactly the names the other exporters write, and every other link resolves', () => {
    const p = pub(tag);
    const source = page(p);
    const paths = artefactPaths(p.slug, tag);
    const targets = attr(source, /<a [^>]*href="([^"#:]+)"/g).map((href) => path.posix.normalize(path.posix.join(paths.dir, href)));
    expect(targets).toContain(paths.pdfA4);
    expect(targets).toContain(paths.pdfA5);
    expect(targets).toContain(paths.text);
    for (const image of paths.images.filter((i) => i.file.endsWith('.png'))) expect(targets).toContain(image.path);
    // The offline bundle, which the build zips after the exporters.
    expect(targets).toContain(paths.bundle);
    const produced = new Set([paths.pdfA4, paths.pdfA5, paths.text, ...paths.images.map((i) => i.path), paths.bundle]);
    for (const target of targets) {
      const file = target.endsWith('/') || !path.posix.extname(target) ? path.posix.join(target, 'index.html') : target;
      expect(produced.has(file) || fs.existsSync(path.join(site.dir, file)), `${target}`).toBe(true);
    }
    const plain = source.replace(/<\/?bdi[^>]*>/g, '');
    expect(plain).toContain(`href="${path.posix.basename(paths.pdfA4)}" type="application/pdf">${p.t('downloads.pdfA4')}</a>`);
    expect(plain).toContain(`href="${path.posix.basename(paths.pdfA5)}" type="application/pdf">${p.t('downloads.pdfA5')}</a>`);
    expect(plain).toContain(`href="${path.posix.basename(paths.text)}" type="text/plain">${p.t('downloads.text')}</a>`);
  });

  it('shows the date in the language’s own digits and the draft notice of a draft', () => {
    const p = pub(tag);
    const source = page(p);
    expect(source).toContain(`<time datetime="${p.date}">`);
    const formatted = formatDate(p.lang, p.date);
    expect(source.replace(/<\/?bdi[^>]*>/g, '')).toContain(formatted);
    expect(source.includes(p.t('statement.draftNotice'))).toBe(p.doc.data.status === 'draft' || (!p.lang.source && p.doc.data.source === undefined));
    expect(p.draft).toBe(p.doc.data.status === 'draft' || (!p.lang.source && p.doc.data.source === undefined));
  });

  it('ships subset WOFF2 fonts with their licences, within 100 KB for HTML, CSS and fonts', () => {
    const p = pub(tag);
    const artefacts = site.pageArtefacts.get(`${p.slug}/${tag}`)!;
    const paths = artefactPaths(p.slug, tag);
    const fonts = artefacts.filter((a) => a.kind === 'font');
    expect(fonts.length).toBeGreaterThan(0);
    const source = page(p);
    for (const font of fonts) {
      expect(font.path.startsWith(`${paths.fontsDir}/`)).toBe(true);
      expect(new TextDecoder().decode(font.bytes.subarray(0, 4))).toBe('wOF2');
      expect(source).toContain(`url("fonts/${path.posix.basename(font.path)}")`);
      const id = path.posix.basename(font.path, '.woff2') as keyof typeof FONTS;
      const licence = artefacts.find((a) => a.kind === 'licence' && a.path === `${paths.fontsDir}/LICENSE-${FONTS[id].family.replace(/ /g, '-')}.txt`);
      expect(licence, `licence of ${id}`).toBeDefined();
      expect(Buffer.from(licence!.bytes).equals(fs.readFileSync(FONTS[id].licence))).toBe(true);
    }
    // Every font the stylesheet declares exists.
    for (const url of attr(source, /url\("([^"]+)"\)/g)) expect(fs.existsSync(path.join(site.dir, paths.dir, url)), url).toBe(true);
    const htmlBytes = artefacts.find((a) => a.kind === 'html')!.bytes.length;
    const css = /<style>([\s\S]*?)<\/style>/.exec(source)![1];
    const fontBytes = fonts.reduce((n, f) => n + f.bytes.length, 0);
    console.log(`[weight] ${tag}: html ${htmlBytes} B (of which inline css ${Buffer.byteLength(css)} B), fonts ${fontBytes} B (${fonts.length} files), total ${htmlBytes + fontBytes} B`);
    expect(htmlBytes + fontBytes).toBeLessThanOrEqual(100 * 1024);
  });
});

it('renders the same bytes twice', { timeout: 60_000 }, async () => {
  for (const tag of ['fa', 'ru']) {
    const p = pub(tag);
    clearSubsetCache(); // subset the fonts again too, not only the HTML
    const again = await renderPage(p);
    const first = site.pageArtefacts.get(`${p.slug}/${tag}`)!;
    expect(again.map((a) => a.path)).toEqual(first.map((a) => a.path));
    again.forEach((a, i) => expect(Buffer.from(a.bytes).equals(Buffer.from(first[i].bytes)), a.path).toBe(true));
  }
});

it('takes every word of the page chrome from the UI strings', { timeout: 60_000 }, async () => {
  // A translator whose every UI string is its own key in brackets: whatever text of the page is
  // not the statement, a language name, a number or punctuation must then be such a key.
  const p = pub('fa');
  const instance = i18next.createInstance();
  const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'translations/en/ui.json'), 'utf8'));
  const mark = (value: unknown, key: string): unknown => typeof value === 'object' && value
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v, key ? `${key}.${k}` : k)]))
    : `⟦${key}⟧`;
  void instance.init({ lng: 'fa', resources: { fa: { translation: mark(english, '') } }, initAsync: false, showSupportNotice: false } as Parameters<typeof instance.init>[0]);
  const marked = { ...p, t: instance.getFixedT('fa') } as Publication;
  const source = serialise(await statementTree(marked));
  const bodyHtml = source.slice(source.indexOf('<body>'));
  const chrome = bodyHtml
    .replace(/<h1>[\s\S]*?<\/h1>|<p class="lede">[\s\S]*?<\/p>|<div class="body">[\s\S]*?<\/div><p class="signature">/g, '')
    .replace(/<nav class="langs"[\s\S]*?<\/nav>/, '')
    .replace(/<textarea[^>]*>[\s\S]*?<\/textarea>/g, '') // the post kit's texts, made of the statement's
    .replace(/<\/?bdi[^>]*>/g, '') // the RTL page isolates the Latin keys
    .replace(/<[^>]+>/g, '\n');
  // The organisation's own words from site.yaml (the join address, the imprint) are not UI strings.
  const settings = [joinFor(SITE, 'fa').url.replace(/^mailto:|^https?:\/\/|\/$/g, ''), joinFor(SITE, 'fa').text, SITE.imprint.responsible, ...SITE.imprint.address, SITE.imprint.email];
  const words = settings.reduce<string>((text, value) => (value ? text.split(value).join('') : text), chrome).split('\n').map((s) => s.trim()).filter(Boolean);
  expect(words.length).toBeGreaterThan(8);
  for (const word of words) expect(word, word).toMatch(/^(⟦[\w.]+⟧|[\s·—\p{P}]+)$/u);
  expect(source).toContain(LANGUAGES.find((l) => l.tag === 'ar')!.nativeName);
});

describe('site files', { timeout: 60_000 }, () => {
  const file = (p: string) => fs.readFileSync(path.join(site.dir, p), 'utf8');

  it('picker, index, sitemap and one feed per language exist and are valid', async () => {
    const slugs = [...new Set(site.pubs.map((p) => p.slug))];
    for (const f of ['index.html', ...slugs.map((s) => `${s}/index.html`)]) {
      const report = await validator.validateString(file(f));
      expect(report.results.flatMap((r) => r.messages).map((m) => `${f} ${m.ruleId} ${m.message}`)).toEqual([]);
    }
    for (const l of new Set(site.pubs.map((p) => p.lang.tag))) {
      const feed = file(`feeds/${l}.xml`);
      const dates = site.pubs.filter((p) => p.lang.tag === l).map((p) => p.date).sort();
      expect(feed).toContain(`<updated>${dates.at(-1)}T00:00:00Z</updated>`);
      expect(feed).toContain(`xml:lang="${l}"`);
      for (const p of site.pubs.filter((q) => q.lang.tag === l)) expect(feed).toContain(`<id>${SITE.canonicalUrl}${p.slug}/${l}/</id>`);
    }
    const sitemap = file('sitemap.xml');
    for (const p of site.pubs) {
      expect(sitemap).toContain(`<loc>${SITE.canonicalUrl}${p.slug}/${p.lang.tag}/</loc>`);
      expect(sitemap).toContain(`<loc>${SITE.canonicalUrl}${p.lang.tag}/</loc>`);
      expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="${p.lang.tag}" href="${SITE.canonicalUrl}${p.slug}/${p.lang.tag}/"/>`);
    }
  });

  it('the index lists every statement in every language, newest first', () => {
    const index = file('index.html');
    for (const p of site.pubs) expect(index).toContain(`href="${p.slug}/${p.lang.tag}/index.html"`);
  });
});

