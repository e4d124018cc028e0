/**
 * What every site has, beside the statement pages: a home page per language, the 404 page,
 * robots.txt, the icons from one SVG, Open Graph on the index; every link between pages works
 * from disk (file://: relative, ending in index.html); the footer's mirrors; the offline
 * bundles' contents and README.txt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { SITE } from '../../src/config.js';
import { LANGUAGES } from '../../src/languages.js';
import { artefactPaths } from '../../src/publication.js';
import { statementTree } from '../../src/export/html/page.js';
import { serialise } from '../../src/export/html/document.js';
import { bundlePaths, bundleReadme, README_FILE } from '../../src/export/html/bundle-readme.js';
import { relativeUrl } from '../../src/export/html/urls.js';
import { robotsTxt } from '../../src/render/html.js';
import { html, REPO_ROOT, renderRepository, type Rendered } from './render.js';

let site: Rendered;
beforeAll(async () => { site = await renderRepository(); }, 180_000);
afterAll(() => { if (site) fs.rmSync(site.dir, { recursive: true, force: true }); });

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
const file = (p: string) => fs.readFileSync(path.join(site.dir, p), 'utf8');
const attrs = (source: string, pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1].replace(/&#x26;/g, '&'));
const langs = () => LANGUAGES.filter((l) => site.pubs.some((p) => p.lang.tag === l.tag));

async function valid(source: string): Promise<string[]> {
  const report = await validator.validateString(source);
  return report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

/** Every relative href and src of an HTML file, resolved to a dist/ path. */
function internalLinks(distPath: string): { href: string; target: string }[] {
  const source = file(distPath);
  const dir = path.posix.dirname(distPath);
  return attrs(source, /\s(?:href|src)="([^"]*)"/g)
    .filter((href) => !/^(?:[a-z]+:|#)/.test(href))
    .map((href) => ({ href, target: path.posix.normalize(path.posix.join(dir, href.split('#')[0])) }));
}

describe('language home pages', { timeout: 60_000 }, () => {
  it.each(LANGUAGES.map((l) => l.tag))('%s/index.html lists the language’s statements newest first, in its own words, and is valid', async (tag) => {
    const lang = LANGUAGES.find((l) => l.tag === tag)!;
    const source = file(`${tag}/index.html`);
    expect(source).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${tag}" dir="${lang.dir}"`));
    const mine = site.pubs.filter((p) => p.lang.tag === tag);
    expect(source).toContain(`<title>${mine[0].t('index.heading')} — ${mine[0].t('site.name')}</title>`);
    const listed = attrs(source, /<li><time[^>]*>[^<]*<\/time><a href="([^"]*)"/g);
    const expected = [...mine].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug)).map((p) => `../${p.slug}/${tag}/index.html`);
    expect(listed).toEqual(expected);
    expect(source).toContain(`<link rel="canonical" href="${SITE.canonicalUrl}${tag}/">`);
    expect(source).toContain('aria-current="page"');
    expect(await valid(source)).toEqual([]);
  });
});

describe('the root index', () => {
  it('sends the reader to their language without script: native names linking to the language homes; keeps the listing', () => {
    const source = file('index.html');
    expect(source).not.toContain('<script');
    for (const lang of langs()) {
      expect(source).toMatch(new RegExp(`<li lang="${lang.tag}" dir="${lang.dir}"><a href="${lang.tag}/index.html" hreflang="${lang.tag}">${lang.nativeName}</a></li>`));
      expect(source).toContain(`id="lang-${lang.tag}"`);
    }
    for (const p of site.pubs) expect(source).toContain(`href="${p.slug}/${p.lang.tag}/index.html"`);
  });

  it('has Open Graph tags', () => {
    const source = file('index.html');
    const meta = (property: string) => attrs(source, new RegExp(`<meta property="${property}" content="([^"]*)"`, 'g'));
    expect(meta('og:type')).toEqual(['website']);
    expect(meta('og:url')).toEqual([SITE.canonicalUrl]);
    expect(meta('og:title')[0]).toBeTruthy();
    expect(meta('og:description')[0]).toBeTruthy();
    expect(meta('og:locale')).toEqual(['en_GB']);
    const image = meta('og:image')[0];
    expect(image.startsWith(SITE.baseUrl)).toBe(true);
    expect(site.pubs.some((p) => SITE.baseUrl + artefactPaths(p.slug, 'en').ogImage === image)).toBe(true);
  });
});

describe('404.html', () => {
  it('lists every language’s home page in that language’s words, each block with its lang and dir; links absolute (served at any depth); valid', async () => {
    const source = file('404.html');
    expect(source).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr"/);
    expect(source).not.toMatch(/@font-face|<script/);
    for (const lang of langs()) {
      const t = site.pubs.find((p) => p.lang.tag === lang.tag)!.t;
      const block = new RegExp(`<div class="not-found" lang="${lang.tag}" dir="${lang.dir}">([\\s\\S]*?)</div>`).exec(source);
      expect(block, lang.tag).not.toBeNull();
      const text = block![1].replace(/<\/?bdi[^>]*>/g, '');
      expect(text).toContain(t('notFound.title'));
      expect(text).toContain(`href="${SITE.baseUrl}${lang.tag}/"`);
      expect(text).toContain(lang.nativeName);
    }
    for (const href of attrs(source, /\shref="([^"]*)"/g)) expect(href.startsWith(SITE.baseUrl), href).toBe(true);
    expect(await valid(source)).toEqual([]);
  });
});

describe('robots.txt and icons', () => {
  it('robots.txt names the sitemap by its absolute URL', () => {
    expect(file('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE.baseUrl}sitemap.xml\n`);
    expect(robotsTxt()).toBe(file('robots.txt'));
  });

  it('favicon.svg is src/export/html/icon.svg; the PNG icons are rendered from it at 192 and 180 px', async () => {
    expect(fs.readFileSync(path.join(site.dir, 'favicon.svg')).equals(fs.readFileSync(path.join(REPO_ROOT, 'src/export/html/icon.svg')))).toBe(true);
    for (const [name, size] of [['icon-192.png', 192], ['apple-touch-icon.png', 180]] as const) {
      const meta = await sharp(path.join(site.dir, name)).metadata();
      expect([meta.format, meta.width, meta.height], name).toEqual(['png', size, size]);
      const { data } = await sharp(path.join(site.dir, name)).raw().toBuffer({ resolveWithObject: true });
      expect(new Set(data).size, `${name} is not blank`).toBeGreaterThan(2);
    }
  });

  it('every page’s head links the icons, relative to the page', () => {
    const pages = site.artefacts.filter((a) => a.kind === 'html' && a.path !== '404.html');
    expect(pages.length).toBeGreaterThan(LANGUAGES.length * 2);
    for (const page of pages) {
      const source = html(page);
      const dir = path.posix.dirname(page.path);
      for (const icon of ['favicon.svg', 'icon-192.png', 'apple-touch-icon.png']) expect(source, page.path).toContain(`href="${relativeUrl(dir, icon)}"`);
      expect(source).toContain('rel="apple-touch-icon"');
    }
  });
});

/** Whether a path is a statement's plain-text version, which the text exporter writes. */
const plainText = (target: string) => site.pubs.some((p) => artefactPaths(p.slug, p.lang.tag).text === target);

describe('offline from file://', () => {
  it('every internal link of every page is relative, ends in a file name (index.html, not a folder) and resolves inside dist/', () => {
    const pages = site.artefacts.filter((a) => a.kind === 'html' && a.path !== '404.html');
    let count = 0;
    for (const page of pages) {
      const source = html(page);
      for (const { href, target } of internalLinks(page.path)) {
        count++;
        expect(href, `${page.path}: ${href}`).not.toMatch(/\/$|^\.?$/);
        expect(path.posix.extname(target), `${page.path}: ${href}`).not.toBe('');
        // PDFs, images and plain texts come from the other exporters, zips from the build.
        expect(fs.existsSync(path.join(site.dir, target)) || /\.(pdf|png|jpg|zip)$/.test(target) || plainText(target), `${page.path}: ${href} → ${target}`).toBe(true);
      }
      // Absolute links to the site itself only in <link> (canonical, hreflang, feed) and <meta>, never in an <a>.
      for (const href of attrs(source, /<a [^>]*href="([^"]*)"/g)) {
        expect(href.startsWith(SITE.canonicalUrl) || href.startsWith(SITE.baseUrl), `${page.path}: ${href}`).toBe(false);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('the language picker’s script sends the reader to <lang>/index.html', () => {
    const slug = site.pubs[0].slug;
    expect(file(`${slug}/index.html`)).toContain('location.replace(a[j]+"/index.html")');
  });
});

describe('mirrors', () => {
  it('the footer lists the same page at the main address and on every mirror except this build’s; canonical stays main', async () => {
    const saved = { baseUrl: SITE.baseUrl, mirrors: [...SITE.mirrors] };
    const p = site.pubs.find((q) => q.lang.tag === 'fa')!;
    try {
      SITE.mirrors.splice(0, SITE.mirrors.length, { url: 'https://mirror-one.example/psl/', name: 'mirror-one.example' }, { url: 'https://mirror-two.example/', name: 'Two' });
      SITE.baseUrl = 'https://mirror-one.example/psl/';
      const source = serialise(await statementTree(p));
      const footer = /<footer[\s\S]*<\/footer>/.exec(source)![0];
      expect(footer).toContain(p.t('nav.alsoAt'));
      const page = artefactPaths(p.slug, 'fa').page;
      expect(attrs(footer, /<a href="(https:[^"]*)"/g)).toEqual([`${SITE.canonicalUrl}${page}`, `https://mirror-two.example/${page}`]);
      expect(source).toContain(`<link rel="canonical" href="${SITE.canonicalUrl}${p.slug}/fa/">`);
      expect(source).toContain(`<meta property="og:image" content="https://mirror-one.example/psl/${artefactPaths(p.slug, 'fa').ogImage}">`);
      expect(await valid(source)).toEqual([]);
    } finally {
      SITE.baseUrl = saved.baseUrl;
      SITE.mirrors.splice(0, SITE.mirrors.length, ...saved.mirrors);
    }
    // Without mirrors, on the main address: no “Also at”.
    expect(serialise(await statementTree(p))).not.toContain('class="mirrors"');
  });
});

describe('offline bundles', () => {
  const all = () => site.artefacts.map((a) => a.path);

  it('a bundle holds what its pages link to: in a statement bundle only other statements stay out; the whole site has no dangling link', () => {
    const slug = site.pubs[0].slug;
    for (const scope of [{ slug, lang: 'fa' }, { slug }, {}]) {
      const inside = new Set(bundlePaths(all(), scope));
      expect(inside.has('404.html')).toBe(false);
      for (const page of [...inside].filter((p) => p.endsWith('.html'))) {
        for (const { target } of internalLinks(page)) {
          if ((/\.(pdf|png|jpg)$/.test(target) && !target.startsWith('icon') && !target.startsWith('apple')) || plainText(target)) continue; // made by the other exporters
          if (target.startsWith('release/')) continue; // a bundle's link to the bundles goes to the website (offlinePage)
          const otherStatement = site.pubs.some((q) => target.startsWith(`${q.slug}/`)) && !target.startsWith(`${slug}/`);
          if (scope.slug && otherStatement) continue;
          if (scope.lang && target.startsWith(`${slug}/`) && !target.startsWith(`${slug}/${scope.lang}/`)) continue; // the other languages: the statement bundle has them
          if (scope.lang && /^[^/]+\/index\.html$/.test(target) && target !== `${scope.lang}/index.html`) continue; // the other languages' homes
          expect(inside.has(target), `${JSON.stringify(scope)} ${page} → ${target}`).toBe(true);
        }
      }
    }
  });

  it('README.txt says in the reader’s language what is inside and where it is online', () => {
    const slug = site.pubs[0].slug;
    for (const lang of langs()) {
      const t = site.pubs.find((p) => p.lang.tag === lang.tag)!.t;
      const text = bundleReadme([{ lang, t }], `${slug}/${lang.tag}/index.html`);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      expect(text).not.toMatch(/[^\r]\n/);
      expect(text).toContain(t('bundle.title', { name: t('site.name') }));
      expect(text).toContain(`${slug}/${lang.tag}/index.html`);
      expect(text).toContain(`${SITE.canonicalUrl}${slug}/${lang.tag}/`);
      expect(text).not.toMatch(/\{\{|bundle\./);
    }
    expect(README_FILE).toBe('README.txt');
  });
});
