/**
 * The post kit of the first statement in every language, as the build writes it
 * (dist/<statement>/<lang>/posts.json, by the `posts` renderer): every entry, each text within
 * its limit as the platform counts it, the whole statement in Telegram parts that rejoin to
 * it, right-to-left lines that stay right to left, and share links on the page that decode
 * back to the texts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import { SITE } from '../../src/config.js';
import { loadRepository } from '../../src/content/index.js';
import { LANGUAGES } from '../../src/languages.js';
import { publications, type Publication } from '../../src/publication.js';
import { renderers } from '../../src/render/index.js';
import { renderPage } from '../../src/render/html.js';
import { CARD_FORMATS } from '../../src/export/image/formats.js';
import { noMemo } from '../../src/memo.js';
import type { PostKit } from '../../src/export/posts/index.js';
import { REPO_ROOT } from '../html/render.js';
import { bodyWords, expectRightToLeftLine, MARKS, telegramText, wordsOf } from './support.js';

const SLUG = 'humanitarian-visas';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-posts-'));
const pubs = new Map<string, Publication>();
const kits = new Map<string, PostKit>();
const pages = new Map<string, string>();

beforeAll(async () => {
  for (const pub of publications(loadRepository(REPO_ROOT)).filter((p) => p.slug === SLUG)) {
    for (const a of await renderers.kinds.posts!(pub, noMemo)) {
      fs.mkdirSync(path.join(dir, path.dirname(a.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, a.path), a.bytes);
    }
    pubs.set(pub.lang.tag, pub);
    const file = path.join(dir, SLUG, pub.lang.tag, 'posts.json');
    if (fs.existsSync(file)) kits.set(pub.lang.tag, JSON.parse(fs.readFileSync(file, 'utf8')) as PostKit);
    const html = (await renderPage(pub)).find((a) => a.kind === 'html')!;
    pages.set(pub.lang.tag, new TextDecoder().decode(html.bytes));
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const xLength = (text: string) => twitter.parseTweet(text).weightedLength;
const field = (pub: Publication, name: string) => String(pub.doc.data[name] ?? '').trim();

/** Every text of a kit with the platform it is for. */
function texts(kit: PostKit): string[] {
  return [kit.telegram.plain, ...kit.telegram_long.parts.map((p) => p.plain), ...kit.x.posts.map((p) => p.text), kit.whatsapp.text, kit.instagram.text];
}

describe.each(LANGUAGES.map((l) => l.tag))('%s', (tag) => {
  const kit = () => {
    const found = kits.get(tag);
    expect(found, `no ${SLUG}/${tag}/posts.json`).toBeDefined();
    return found!;
  };

  it('posts.json has every entry, each with the share image the image renderer makes, at this build’s address', () => {
    const k = kit();
    expect(Object.keys(k)).toEqual(expect.arrayContaining(['telegram', 'telegram_long', 'x', 'whatsapp', 'instagram']));
    const base = `${SITE.baseUrl}${SLUG}/${tag}/`;
    expect(k.url).toBe(base);
    const sizes = (ref: { url: string; width: number; height: number }) => {
      expect(ref.url.startsWith(base), ref.url).toBe(true);
      const format = CARD_FORMATS.find((f) => f.file === ref.url.slice(base.length));
      expect(format, ref.url).toBeDefined();
      expect([format!.width, format!.height]).toEqual([ref.width, ref.height]);
      return `${ref.width}x${ref.height}`;
    };
    expect([k.telegram.image, k.x.image, k.whatsapp.image].map(sizes)).toEqual(['1200x630', '1200x630', '1200x630']);
    expect(sizes(k.instagram.image)).toBe('1080x1350');
    expect(sizes(k.instagram.story_image)).toBe('1080x1920');
  });

  it('keeps every text within its limit, counted the way its platform counts', () => {
    const k = kit();
    const caption = telegramText(k.telegram.text);
    expect(caption.text).toBe(k.telegram.plain);
    expect(new Set(caption.tags)).toEqual(new Set(['b']));
    expect(caption.text.length).toBeLessThanOrEqual(1024);
    expect(k.telegram.length).toBe(caption.text.length);
    expect(k.telegram_long.parts.length).toBeGreaterThan(0);
    for (const part of k.telegram_long.parts) {
      const parsed = telegramText(part.text);
      expect(parsed.text).toBe(part.plain);
      expect(parsed.text.length).toBeLessThanOrEqual(4096);
    }
    for (const post of k.x.posts) {
      expect(twitter.parseTweet(post.text).valid, post.text).toBe(true);
      expect(xLength(post.text)).toBeLessThanOrEqual(280);
      expect(post.length).toBe(xLength(post.text));
    }
    expect([...k.instagram.text].length).toBeLessThanOrEqual(2200);
    expect(k.whatsapp.text.length).toBeLessThanOrEqual(65536);
  });

  it('says the title, the quote and the link in the short posts; Instagram writes the link out', () => {
    const k = kit();
    const pub = pubs.get(tag)!;
    const has = (text: string, part: string) => expect(wordsOf(text).join(' '), part).toContain(wordsOf(part).join(' '));
    for (const text of [k.telegram.plain, k.x.posts.map((p) => p.text).join('\n'), k.whatsapp.text, k.instagram.text]) {
      has(text, field(pub, 'title'));
      has(text, field(pub, 'quote'));
      has(text, k.url);
    }
    // The thread carries the summary too: one post would not hold it with the rest.
    has(k.x.posts.map((p) => p.text).join('\n'), field(pub, 'summary'));
    expect(k.whatsapp.text.replace(MARKS, '').startsWith(`*${field(pub, 'title')}*`)).toBe(true);
    expect(k.telegram.text.replace(MARKS, '').startsWith(`<b>${field(pub, 'title')}</b>`)).toBe(true);
  });

  it('gives the whole statement in Telegram parts that rejoin to its words in order, none cut', () => {
    const k = kit();
    const pub = pubs.get(tag)!;
    const parts = k.telegram_long.parts.map((p) => wordsOf(p.plain));
    // A statement of several parts ends each with its number, e.g. “2/3”.
    if (parts.length > 1) parts.forEach((words) => expect(words.pop()).toMatch(/^\p{Nd}+\/\p{Nd}+$/u));
    const expected = [...wordsOf(field(pub, 'title')), ...bodyWords(pub.doc.tree), ...wordsOf(pub.t('site.signature')), k.url];
    expect(parts.flat()).toEqual(expected);
  });

  it('share links on the page decode back to the texts, open nothing until followed', () => {
    const k = kit();
    const page = pages.get(tag)!;
    const links = [...page.matchAll(/<a href="(https:\/\/(?:t\.me|wa\.me|twitter\.com)\/[^"]*)"([^>]*)>/g)]
      .map((m) => ({ url: new URL(m[1]!.replace(/&#x26;/g, '&')), rest: m[2]! }));
    expect(links.map((l) => l.url.host)).toEqual(['t.me', 'wa.me', 'twitter.com']);
    for (const l of links) expect(l.rest).toContain('rel="noopener noreferrer"');
    const [telegram, whatsapp, x] = links.map((l) => l.url);
    expect(telegram!.pathname).toBe('/share/url');
    expect(telegram!.searchParams.get('url')).toBe(k.url);
    // Telegram's share page sets the link under the text: the caption without its last line, the link.
    const caption = k.telegram.plain;
    expect(telegram!.searchParams.get('text')).toBe(caption.slice(0, caption.lastIndexOf('\n\n')));
    expect(whatsapp!.searchParams.get('text')).toBe(k.whatsapp.text);
    expect(x!.pathname).toBe('/intent/tweet');
    expect(x!.searchParams.get('text')).toBe(k.x.posts[0]!.text);
    // Spaces are %20, not “+”, which some of these pages read literally.
    expect(links.every((l) => !l.url.search.includes('+'))).toBe(true);
    expect(page).not.toMatch(/rel="(?:prefetch|preconnect|dns-prefetch|prerender)/);
  });

  it.runIf(LANGUAGES.find((l) => l.tag === tag)!.dir === 'rtl')('keeps right-to-left lines right to left, URLs and Latin names in order at their ends', () => {
    const k = kit();
    let urlsAtEnd = 0;
    for (const text of texts(k)) {
      for (const line of telegramText(text).text.split('\n').filter((l) => l.replace(MARKS, '').trim())) {
        // What Telegram and WhatsApp do: the first strong character sets the direction.
        const { order, runs } = expectRightToLeftLine(line);
        for (const run of runs) {
          // A run that ends the line (before its marks) is drawn at its left end.
          if (line.slice(run.index + run.text.length).replace(MARKS, '').trim() === '') {
            expect(run.at, `${run.text} at the end of ${line}`).toBe(0);
            if (run.text.startsWith('http')) urlsAtEnd++;
          }
        }
        // The line's first character is drawn at its right end, unless the line starts with a left-to-right run.
        const start = [...line].findIndex((c) => !/[\s\u200E\u200F]/.test(c));
        if (!/[\p{Script=Latin}\d]/u.test(line[start]!)) expect(order[order.length - 1], line).toBe(start);
      }
    }
    // Each text ends with its link.
    expect(urlsAtEnd).toBeGreaterThanOrEqual(texts(k).length - 2);
  });
});
