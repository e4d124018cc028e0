/**
 * How the card uses its space and breaks its lines: the wide card's ink spans its width,
 * titles are balanced, quotes end in a full last line, no line ends in a one-letter word,
 * and a note sits on its own line above the footer.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.js';
import { cardFormat, composeCard, renderShareCards, type Card } from '../../src/export/image/index.js';
import { bindShortWords } from '../../src/export/image/typography.js';
import { findLanguage } from '../../src/languages.js';
import { cardText } from '../../src/render/images.js';
import { layoutParagraph } from '../../src/typeset/index.js';
import { LAYOUT_FORMATS, PUBLICATIONS, compose, publication, sourceOf } from './support.js';

const WIDE = cardFormat('share-1200x630.png');
const paper = [1, 3, 5].map((i) => parseInt(SITE.colours.paper.slice(i, i + 2), 16));

/** The leftmost and rightmost column with ink (a pixel well away from the paper) in rows [top, bottom). */
async function inkColumns(png: Uint8Array, top = 0, bottom = Infinity): Promise<{ left: number; right: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let left = Infinity;
  let right = -Infinity;
  for (let y = Math.max(0, top); y < Math.min(info.height, bottom); y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      const d = Math.abs(data[i]! - paper[0]!) + Math.abs(data[i + 1]! - paper[1]!) + Math.abs(data[i + 2]! - paper[2]!);
      if (d > 96) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right };
}

const block = (card: Card, role: string) => card.blocks.find((b) => b.block.role === role);
const widths = (card: Card, role: string) => block(card, role)!.block.layout.lines.map((l) => l.width);

describe.each(['en', 'ru', 'fa', 'ar'])('the 1200 × 630 card in %s', (tag) => {
  it('spans most of its width, its title too', async () => {
    const pub = publication(tag);
    const [image] = await renderShareCards(cardText(pub), sourceOf(pub), [WIDE]);
    const all = await inkColumns(image!.bytes);
    expect(all.right - all.left, `ink from x = ${all.left} to ${all.right}`).toBeGreaterThanOrEqual(0.85 * WIDE.width);
    const title = block(image!.card, 'title')!;
    const titleInk = await inkColumns(image!.bytes, title.y, title.y + title.height);
    expect(titleInk.right - titleInk.left, `title ink from x = ${titleInk.left} to ${titleInk.right}`).toBeGreaterThanOrEqual(0.6 * WIDE.width);
  }, 60_000);
});

describe.each(PUBLICATIONS.map((p) => [p.lang.tag, p] as const))('line breaks in %s', (_tag, pub) => {
  it.each(LAYOUT_FORMATS.map((f) => [f.file, f] as const))('%s: balanced title, full last quote line', async (file, format) => {
    const card = await compose(pub, format);
    const title = block(card, 'title')!.block;
    const lines = widths(card, 'title');
    // The same title, same size and column, broken greedily: balancing keeps its number of
    // lines and never makes them more uneven.
    const greedy = await layoutParagraph({
      runs: [{ text: title.text, style: 'bold' }], lang: pub.lang, size: card.titleSize, width: title.width - 2 * title.inset,
      lineHeight: 1, align: 'start', hyphenate: false,
    });
    expect(lines.length, file).toBe(greedy.lines.length);
    const unevenness = (ws: number[]) => ws.reduce((sum, w) => sum + (Math.max(...ws) - w) ** 2, 0) / ws.length;
    expect(unevenness(lines), `${file}: ${lines.map(Math.round).join(', ')}`).toBeLessThanOrEqual(unevenness(greedy.lines.map((l) => l.width)) + 1);
    // On the wide card, words are short beside the column: every line is nearly as long as the longest.
    if (format === WIDE) for (const w of lines) expect(w, `${file}: ${lines.map(Math.round).join(', ')}`).toBeGreaterThanOrEqual(0.8 * Math.max(...lines));
    const quote = widths(card, 'quote');
    if (quote.length > 1) expect(quote.at(-1)!, `${file} quote: ${quote.map(Math.round).join(', ')}`).toBeGreaterThanOrEqual(0.5 * Math.max(...quote));
    if (pub.lang.script !== 'Arab') {
      for (const role of ['title', 'quote']) {
        for (const line of block(card, role)!.block.layout.lines) expect(line.text.trimEnd(), `${file} ${role}`).not.toMatch(/(^|[\s“„«])\p{L}$/u);
      }
    }
  }, 60_000);
});

describe('one-letter words', () => {
  it('stay with the next word in English, German, Russian and Belarusian', () => {
    expect(bindShortWords('that they are a convenient refugee.', findLanguage('en')!)).toBe('that they are a\u00a0convenient\u00a0refugee.');
    expect(bindShortWords('I know that a war is', findLanguage('en')!)).toBe('I\u00a0know that a\u00a0war\u00a0is');
    expect(bindShortWords('защиты и в Германии', findLanguage('ru')!)).toBe('защиты и\u00a0в\u00a0Германии');
    expect(bindShortWords('з Беларусі у Нямеччыну', findLanguage('be')!)).toBe('з\u00a0Беларусі у\u00a0Нямеччыну');
  });

  it('never end a line of the English 1080 × 1080 quote', async () => {
    const pub = publication('en');
    const format = cardFormat('share-1080x1080.png');
    for (const quote of [
      'We are told again and again, by those who would rather we kept quiet, that they are a convenient refugee.',
      'They say that they are a convenient refugee.',
      'The government says that they are a convenient refugee, and that a visa is a favour.',
    ]) {
      const card = await composeCard({ ...cardText(pub), quote }, format, sourceOf(pub));
      const lines = block(card, 'quote')!.block.layout.lines.map((l) => l.text.trimEnd());
      for (const line of lines) expect(line, lines.join(' / ')).not.toMatch(/(^|\s)a$/);
      if (lines.length > 1) expect(widths(card, 'quote').at(-1)!).toBeGreaterThanOrEqual(0.5 * Math.max(...widths(card, 'quote')));
    }
  }, 60_000);
});

describe.each([
  ['en', 'Signed by 12 organisations · 12 March 2027'],
  ['fa', 'امضا شده توسط ۱۲ سازمان · ۱۲ مارس ۲۰۲۷'],
])('a note in %s', (tag, note) => {
  it.each(LAYOUT_FORMATS.map((f) => [f.file, f] as const))('%s: one small line between the body and the footer', async (_file, format) => {
    const pub = publication(tag);
    const card = await composeCard({ ...cardText(pub), note }, format, sourceOf(pub));
    const placed = block(card, 'note')!;
    const { layout } = placed.block;
    expect(layout.lines.map((l) => l.text)).toEqual([note]);
    expect(layout.lines[0]!.glyphs[0]!.size).toBeLessThan(card.quoteSize);
    const bottom = (role: string) => block(card, role)!.y + block(card, role)!.height;
    expect(placed.y).toBeGreaterThanOrEqual(bottom('quote'));
    expect(bottom('note')).toBeLessThanOrEqual(block(card, 'date')!.y);
    // The line starts where the column starts: at the left, or at the right in Persian.
    const c = format.content;
    const ink = { left: placed.x + placed.block.inkBounds.left, right: placed.x + placed.block.inkBounds.right };
    if (pub.lang.dir === 'rtl') expect(Math.abs(ink.right - (c.x + c.width))).toBeLessThan(6);
    else expect(Math.abs(ink.left - c.x)).toBeLessThan(6);
    // And it is drawn: ink in its rows of the picture.
    const png = await sharp(Buffer.from(card.svg), { density: 72 }).png().toBuffer();
    const drawn = await inkColumns(png, placed.y, placed.y + placed.height);
    expect(drawn.right - drawn.left).toBeGreaterThan(0.5 * (ink.right - ink.left));
    // Without a note, the card has no note block.
    expect(block(await composeCard(cardText(pub), format, sourceOf(pub)), 'note')).toBeUndefined();
  }, 60_000);
});
