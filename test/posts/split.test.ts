/**
 * Texts too long for one post, made from the real statement in every language: its body three
 * times over with a link in it, and all of it as one paragraph, for Telegram; a quote of many
 * sentences for X. The parts stay within the limit, rejoin to the words in order, end at a
 * paragraph or sentence where one fits, and never cut a word or a link.
 */
import { describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import { loadRepository } from '../../src/content/index.js';
import { formatNumber, LANGUAGES } from '../../src/languages.js';
import { publications } from '../../src/publication.js';
import { postInput, postKit, type PostInput } from '../../src/export/posts/index.js';
import { REPO_ROOT } from '../html/render.js';
import { autoLevel, MARKS, telegramText, wordsOf } from './support.js';

const pubs = publications(loadRepository(REPO_ROOT)).filter((p) => p.slug === 'humanitarian-visas');
const LINK = { text: 'the joint campaign page', href: 'https://example.org/campaign?a=1&b=2' };

function spanWords(body: PostInput['body']): string[] {
  return body.flatMap((spans) => wordsOf(spans.map((s) => s.text).join('')));
}

describe.each(LANGUAGES.map((l) => l.tag))('%s', (tag) => {
  const pub = pubs.find((p) => p.lang.tag === tag)!;
  const base = postInput(pub);
  const rtl = pub.lang.dir === 'rtl';

  function checkParts(input: PostInput, expectParagraphEnds: boolean) {
    const kit = postKit(pub.slug, input);
    const parts = kit.telegram_long.parts;
    expect(parts.length).toBeGreaterThan(1);
    const words: string[][] = [];
    parts.forEach((part, i) => {
      const { text, tags } = telegramText(part.text);
      expect(text).toBe(part.plain);
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(tags.every((t) => t === 'b' || t === 'a')).toBe(true);
      // Every link opened in a part is closed in it.
      expect((part.text.match(/<a /g) ?? []).length).toBe((part.text.match(/<\/a>/g) ?? []).length);
      const mine = wordsOf(text);
      expect(mine.pop()).toBe(`${formatNumber(pub.lang, i + 1)}/${formatNumber(pub.lang, parts.length)}`);
      words.push(mine);
      if (rtl) for (const line of text.split('\n').filter((l) => l.replace(MARKS, '').trim())) expect(autoLevel(line), line).toBe(1);
    });
    const expected = [...wordsOf(input.title), ...spanWords(input.body), ...wordsOf(input.signature ?? ''), input.url];
    expect(words.flat()).toEqual(expected);
    // Each part but the last ends where a paragraph or (inside one long paragraph) a sentence ends.
    for (const mine of words.slice(0, -1)) {
      const last = mine[mine.length - 1]!;
      if (expectParagraphEnds) expect(input.body.some((spans) => wordsOf(spans.map((s) => s.text).join('')).at(-1) === last) || last === wordsOf(input.title).at(-1), last).toBe(true);
      else expect(last, last).toMatch(/[.!?…؟](?:["»”’)\]]*)$/u);
    }
    return parts;
  }

  it('splits a statement three times as long at paragraph ends, keeping a link whole', () => {
    const body = [...base.body, [{ text: 'Read more on ' }, LINK, { text: '.' }], ...base.body, ...base.body];
    const parts = checkParts({ ...base, body }, true);
    const linked = parts.filter((p) => p.text.includes(`<a href="https://example.org/campaign?a=1&amp;b=2">${LINK.text}</a>`));
    expect(linked).toHaveLength(1);
  });

  it('splits one paragraph longer than a message at sentence ends', () => {
    const one = base.body.flatMap((spans, i) => (i === 0 ? spans : [{ text: ' ' }, ...spans]));
    checkParts({ ...base, body: [one, one] }, false);
  });

  it('makes a thread of a quote too long for one X post: each post within 280, the words in order', () => {
    const quote = base.body.slice(0, 3).flatMap((spans) => spans.map((s) => s.text)).join(' ');
    const kit = postKit(pub.slug, { ...base, quote });
    const posts = kit.x.posts.map((p) => p.text);
    expect(posts.length).toBeGreaterThan(2);
    for (const post of posts) {
      expect(twitter.parseTweet(post).valid, post).toBe(true);
      expect(twitter.parseTweet(post).weightedLength).toBeLessThanOrEqual(280);
    }
    const { open, close } = pub.lang.quotes;
    expect(posts.flatMap(wordsOf)).toEqual([...wordsOf(base.title), base.url, ...wordsOf(`${open}${quote}${close}`), ...wordsOf(base.summary ?? '')]);
  });
});
