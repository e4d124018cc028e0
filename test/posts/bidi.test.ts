/**
 * Right-to-left posts whose lines start or end with a Latin name, a URL or a number: the
 * hazard (such a line alone reads left to right in Telegram and WhatsApp, which take the
 * first strong character), and the post kit's marks that remove it, by the bidi algorithm.
 */
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { publications } from '../../src/publication.js';
import { postInput, postKit } from '../../src/export/posts/index.js';
import { REPO_ROOT } from '../html/render.js';
import { autoLevel, MARKS, visual } from './support.js';

const pubs = publications(loadRepository(REPO_ROOT)).filter((p) => p.slug === 'humanitarian-visas');

describe.each(['fa', 'fa-AF', 'ar'])('%s', (tag) => {
  const pub = pubs.find((p) => p.lang.tag === tag)!;
  const base = postInput(pub);
  const title = `PSL: ${base.title}`;
  const quote = `${base.quote!.replace(/[.!]$/, '')} Lukashenko.`;
  const summary = `${base.summary} 2026`;
  const kit = postKit(pub.slug, { ...base, title, quote, summary });
  const lines = kit.instagram.text.split('\n').filter((l) => l.trim());
  const line = (start: string) => lines.find((l) => l.replace(MARKS, '').startsWith(start))!;

  it('a line that starts with a Latin word would read left to right without a mark, and reads right to left with one', () => {
    expect(autoLevel(title)).toBe(0);
    const titled = line('PSL');
    expect(titled.startsWith('\u200F')).toBe(true);
    expect(autoLevel(titled)).toBe(1);
  });

  it('a line that is a URL alone reads right to left, its slash kept at its end', () => {
    const url = line('https://');
    expect(autoLevel(url.replace(MARKS, ''))).toBe(0);
    expect(autoLevel(url)).toBe(1);
    const start = url.indexOf('https');
    const order = visual(url, 'auto').filter((i) => !/[\u200E\u200F]/.test(url[i]!));
    expect(order).toEqual(Array.from({ length: kit.url.length }, (_, j) => start + j));
  });

  it('a Latin name and its full stop at a line end sit at the left end, the stop on its left', () => {
    const quoted = line(pub.lang.quotes.open);
    const order = visual(quoted, 'auto').filter((i) => !/[\s\u200E\u200F]/.test(quoted[i]!));
    const name = quoted.indexOf('Lukashenko');
    const stop = quoted.indexOf('.', name);
    // Left to right on screen: the closing quotation mark, the stop, then the name.
    expect(order.slice(0, 2 + 'Lukashenko'.length)).toEqual([quoted.indexOf(pub.lang.quotes.close, stop), stop, ...Array.from({ length: 10 }, (_, j) => name + j)]);
  });

  it('a number at a line end sits at the left end', () => {
    const summed = lines.find((l) => l.replace(MARKS, '').endsWith('2026'))!;
    expect(summed.endsWith('\u200F')).toBe(true);
    const order = visual(summed, 'auto').filter((i) => !/[\s\u200E\u200F]/.test(summed[i]!));
    const at = summed.lastIndexOf('2026');
    expect(order.slice(0, 4)).toEqual([at, at + 1, at + 2, at + 3]);
    expect(autoLevel(summed)).toBe(1);
  });
});
