/**
 * Where justified lines break, and how their spaces are set, with readers (and OCR, and
 * search) in mind: spaces are never squeezed below their shaped width, hyphenated fragments
 * are at least three letters before and four after the hyphen, a word's own hyphen ("anti-war")
 * does not end a line when another break will do, and in Russian and Belarusian a one- or
 * two-letter word ("в", "по") does not end a line when another break will do.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { statementParagraphs } from '../../bench/sections/typeset.js';
import { layoutParagraph, type ParagraphInput } from '../../src/typeset/index.js';
import { breakKind, hyphenationPoints } from '../../src/typeset/linebreak.js';
import { findLanguage } from '../../src/languages.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const repo = loadRepository(ROOT);
const docs = [...repo.statements, ...repo.translations].filter((d) => d.slug === 'humanitarian-visas' && d.lang.script !== 'Arab');
const isSpace = (t: string) => t === ' ' || t === '\u00a0';

function para(tag: string, text: string, width: number, align: ParagraphInput['align'] = 'justify'): ParagraphInput {
  return { runs: [{ text, style: 'regular' }], lang: findLanguage(tag)!, size: 10.5, width, lineHeight: 1.5, align };
}

/** Natural width of `text` set on one line. */
async function naturalWidth(tag: string, text: string): Promise<number> {
  return (await layoutParagraph(para(tag, text, 1e5, 'start'))).lines[0]!.width;
}

describe('line breaking for readers', () => {
  it('has the statement in four Latin and Cyrillic languages', () => {
    expect(docs.map((d) => d.lang.tag).sort()).toEqual(['be', 'de', 'en', 'ru']);
  });

  for (const doc of docs) {
    it(`${doc.lang.tag}: justified spaces are never narrower than shaped`, async () => {
      let spaces = 0;
      for (const input of statementParagraphs(doc).filter((p) => p.align === 'justify')) {
        const layout = await layoutParagraph(input);
        for (const line of layout.lines) {
          const alone = await layoutParagraph({ ...input, runs: [{ text: line.text, style: 'regular' }], align: 'start', width: 1e5 });
          const set = line.glyphs.filter((g) => isSpace(g.text));
          const natural = alone.lines[0]!.glyphs.filter((g) => isSpace(g.text));
          expect(set.length, line.text).toBe(natural.length);
          set.forEach((g, i) => expect(g.advance, `${line.text} #${i}`).toBeGreaterThanOrEqual(natural[i]!.advance - 1e-6));
          spaces += set.length;
        }
      }
      expect(spaces).toBeGreaterThan(300);
    });
  }

  it('hyphenates leaving at least three letters before the hyphen and four after', () => {
    let points = 0;
    for (const doc of docs) {
      const text = doc.text;
      for (const at of hyphenationPoints(text, doc.lang)) {
        const before = /[\p{L}\p{M}]*$/u.exec(text.slice(0, at))![0];
        const after = /^[\p{L}\p{M}]*/u.exec(text.slice(at))![0];
        expect(before.length, `${before}-${after}`).toBeGreaterThanOrEqual(3);
        expect(after.length, `${before}-${after}`).toBeGreaterThanOrEqual(4);
        points++;
      }
    }
    expect(points).toBeGreaterThan(500);
    // The patterns allow "вы-да-ют-ся"; only "выда-ются" keeps both parts long enough.
    const ru = findLanguage('ru')!;
    expect(hyphenationPoints('выдаются', ru)).toEqual([4]);
  });

  it('tells the kinds of break apart', () => {
    const en = findLanguage('en')!;
    const ru = findLanguage('ru')!;
    const at = (text: string, after: string) => ({ position: text.indexOf(after) + after.length, required: false, hyphen: false });
    expect(breakKind('the anti-war movement', at('the anti-war movement', 'anti-'), en)).toBe('explicit-hyphen');
    expect(breakKind('the anti-war movement', at('the anti-war movement', 'the '), en)).toBe('plain');
    expect(breakKind('по § 22', at('по § 22', 'по '), ru)).toBe('short-word');
    expect(breakKind('визы в Германии', at('визы в Германии', 'в '), ru)).toBe('short-word');
    expect(breakKind('визы в Германии', at('визы в Германии', 'визы '), ru)).toBe('plain');
    // Two-letter words are common in English and German; the rule is Cyrillic typography's.
    expect(breakKind('go to Berlin', at('go to Berlin', 'to '), en)).toBe('plain');
    expect(breakKind('выдаются', { position: 4, required: false, hyphen: true }, ru)).toBe('hyphenation');
  });

  it('does not end a line with a word’s own hyphen when another break will do', async () => {
    const first = 'We stand with every exile, every refugee and every worker who joined the anti-';
    const text = `${first}war movement against the dictatorships that sent them away from home.`;
    // A measure where "anti-" would end the first line exactly flush.
    const width = await naturalWidth('en', first);
    const layout = await layoutParagraph(para('en', text, width));
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines[0]!.text.trimEnd()).not.toMatch(/-$/);
    expect(layout.lines.map((l) => l.text).join('')).toContain('anti-war');
    for (const line of layout.lines.slice(0, -1)) expect(line.width).toBeCloseTo(width, 2);
  });

  it('does not end a Russian line with a one-letter preposition when another break will do', async () => {
    const first = 'Новая правящая коалиция фактически прекратила выдачу гуманитарных виз беженцам в';
    const text = `${first} Германии, и люди остаются без защиты и без статуса.`;
    const width = await naturalWidth('ru', first);
    const layout = await layoutParagraph(para('ru', text, width));
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines[0]!.text.trimEnd()).not.toMatch(/ в$/);
    expect(layout.lines[1]!.text).toMatch(/^в Германии/);
    for (const line of layout.lines.slice(0, -1)) expect(line.width).toBeCloseTo(width, 2);
  });
});
