/**
 * The kashida policy of each language (src/languages.ts), on shaped and justified text: in
 * Persian and Dari no tatweel in a word of three letters or fewer, at most one in a word, at
 * most `maxPerLine` on a line, and none until the spaces have grown by `spaceFirst`; Arabic
 * Naskh takes more.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { statementParagraphs } from '../../bench/sections/typeset.js';
import { findLanguage, type Language } from '../../src/languages.js';
import { layoutParagraph, type Line, type ParagraphInput, type ParagraphLayout } from '../../src/typeset/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const repo = loadRepository(ROOT);
const docs = [...repo.statements, ...repo.translations].filter((d) => d.slug === 'humanitarian-visas');

/** The word (between spaces) around each inserted tatweel of the line, with how many it got. */
function stretchedWords(full: string, line: Line): Map<string, number> {
  const words = new Map<string, number>();
  for (const g of line.glyphs) {
    if (!g.kashida) continue;
    let a = g.cluster;
    let b = g.cluster;
    while (a > 0 && !/[\s\u00a0]/.test(full[a - 1]!)) a--;
    while (b < full.length && !/[\s\u00a0]/.test(full[b]!)) b++;
    const key = `${a}:${full.slice(a, b)}`;
    words.set(key, (words.get(key) ?? 0) + 1);
  }
  return words;
}

const letters = (word: string) => [...word.replace(/^\d+:/, '')].filter((ch) => /\p{L}/u.test(ch) && ch !== '\u0640').length;

interface Tally {
  lines: number;
  kashidaLines: number;
  tatweels: number;
  maxPerLine: number;
  maxPerWord: number;
  shortestWord: number;
}

async function tally(inputs: ParagraphInput[]): Promise<{ tally: Tally; layouts: Array<[ParagraphInput, ParagraphLayout]> }> {
  const t: Tally = { lines: 0, kashidaLines: 0, tatweels: 0, maxPerLine: 0, maxPerWord: 0, shortestWord: Infinity };
  const layouts: Array<[ParagraphInput, ParagraphLayout]> = [];
  for (const input of inputs) {
    const layout = await layoutParagraph(input);
    layouts.push([input, layout]);
    const full = input.runs.map((r) => r.text).join('');
    for (const line of layout.lines) {
      t.lines++;
      const words = stretchedWords(full, line);
      const n = [...words.values()].reduce((a, b) => a + b, 0);
      if (n) t.kashidaLines++;
      t.tatweels += n;
      t.maxPerLine = Math.max(t.maxPerLine, n);
      for (const [word, count] of words) {
        t.maxPerWord = Math.max(t.maxPerWord, count);
        t.shortestWord = Math.min(t.shortestWord, letters(word));
      }
    }
  }
  return { tally: t, layouts };
}

const doc = (tag: string) => docs.find((d) => d.lang.tag === tag)!;
const justified = (tag: string) => statementParagraphs(doc(tag)).filter((p) => p.align === 'justify');

describe('the kashida policy', () => {
  it('is in the registry for Arabic-script languages only, and Arabic allows more than Persian', () => {
    const fa = findLanguage('fa')!.kashida!;
    const ar = findLanguage('ar')!.kashida!;
    expect(findLanguage('fa-AF')!.kashida).toEqual(fa);
    expect(fa).toMatchObject({ minLetters: 4, maxPerWord: 1 });
    expect(ar.maxPerWord).toBeGreaterThan(fa.maxPerWord);
    expect(ar.maxPerLine).toBeGreaterThan(fa.maxPerLine);
    expect(ar.minLetters).toBeLessThan(fa.minLetters);
    for (const tag of ['en', 'ru', 'be', 'de']) expect(findLanguage(tag)!.kashida).toBeUndefined();
  });

  for (const tag of ['fa', 'fa-AF']) {
    it(`${tag}: no tatweel in words of three letters or fewer, one per word, the line's limit`, async () => {
      const policy = findLanguage(tag)!.kashida!;
      const { tally: t } = await tally(justified(tag));
      expect(t.lines).toBeGreaterThan(30);
      expect(t.kashidaLines, 'kashida is still used').toBeGreaterThan(0);
      expect(t.shortestWord).toBeGreaterThanOrEqual(4);
      expect(t.maxPerWord).toBe(1);
      expect(t.maxPerLine).toBeLessThanOrEqual(policy.maxPerLine);
    }, 60_000);
  }

  it('fa: the short words that used to be stretched ("به", "که", "سه") never are', async () => {
    const { layouts } = await tally(justified('fa'));
    for (const [input, layout] of layouts) {
      const full = input.runs.map((r) => r.text).join('');
      for (const line of layout.lines) {
        for (const word of stretchedWords(full, line).keys()) expect(['به', 'که', 'سه', 'از', 'با', 'را']).not.toContain(word.replace(/^\d+:/, ''));
      }
    }
  }, 60_000);

  it('fa: a line gets kashida only once its spaces have grown by the policy’s share', async () => {
    const { layouts } = await tally(justified('fa'));
    const fa = findLanguage('fa')!;
    let checked = 0;
    for (const [input, layout] of layouts) {
      for (const [i, line] of layout.lines.entries()) {
        if (i === layout.lines.length - 1 || !line.glyphs.some((g) => g.kashida)) continue;
        const alone = await layoutParagraph({ ...input, runs: [{ text: line.text, style: 'regular' }], align: 'start', width: 1e5 });
        const natural = alone.lines[0]!.glyphs.filter((g) => g.text === ' ');
        const stretched = line.glyphs.filter((g) => g.text === ' ');
        if (natural.length === 0 || stretched.length !== natural.length) continue;
        const grown = stretched.reduce((s, g) => s + g.advance, 0) / natural.reduce((s, g) => s + g.advance, 0) - 1;
        expect(grown, line.text).toBeGreaterThanOrEqual(fa.kashida!.spaceFirst - 1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it('ar: Naskh takes more kashida than Persian, and more than one in a word where the line needs it', async () => {
    const ar = findLanguage('ar')!.kashida!;
    const { tally: t } = await tally(justified('ar'));
    expect(t.maxPerLine).toBeLessThanOrEqual(ar.maxPerLine);
    expect(t.maxPerWord).toBeLessThanOrEqual(ar.maxPerWord);
    expect(t.shortestWord).toBeGreaterThanOrEqual(ar.minLetters);
    const { tally: fa } = await tally(justified('fa'));
    expect(t.tatweels / t.lines).toBeGreaterThan(fa.tatweels / fa.lines);
    // A word alone on a line a third wider than it: Arabic draws it out with several tatweels, Persian with one.
    expect((await alone(findLanguage('ar')!, 'مستشفيات')).length).toBeGreaterThan(1);
    expect((await alone(findLanguage('fa')!, 'بیمارستان')).length).toBe(1);
  }, 60_000);

  it('a short word never gets a tatweel in Persian, even when the line has nothing else to stretch', async () => {
    const fa = findLanguage('fa')!;
    for (const word of ['به', 'که', 'سه', 'بود']) expect(await alone(fa, word), word).toEqual([]);
    // …while in Arabic a three-letter word may take one.
    expect((await alone(findLanguage('ar')!, 'كتب')).length).toBeGreaterThan(0);
  });
});

/** The tatweels of `word` set alone on a justified line a third wider than the word (the paragraph is the word twice). */
async function alone(lang: Language, word: string) {
  const natural = (await layoutParagraph({ runs: [{ text: word, style: 'regular' }], lang, size: 12, width: 1e5, lineHeight: 1.6, align: 'start' })).lines[0]!.width;
  const l = await layoutParagraph({ runs: [{ text: `${word} ${word}`, style: 'regular' }], lang, size: 12, width: natural * 1.34, lineHeight: 1.6, align: 'justify' });
  expect(l.lines.length).toBe(2);
  return l.lines[0]!.glyphs.filter((g) => g.kashida);
}
