/**
 * Hyphenation is the `hyphen` package's: the same hyphens for every word of the statements,
 * except the words its patterns list as exceptions, which go where their definitions put
 * them (the package misplaces them), in any letter case.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWordHyphenator } from '../../src/typeset/hyphenation.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
type Definition = [unknown, unknown, Record<string, number[]> | undefined];
const packageHyphenator = require('hyphen/hyphen.js') as (patterns: Definition) => (text: string, options: { hyphenChar: string }) => string;
/** The package's hyphenator as it is, on a copy of the exceptions: it adds every word it hyphenates to them. */
const createHyphenator = ([levels, trie, exceptions]: Definition) => packageHyphenator([levels, trie, { ...exceptions }]);

/** `word` with a "-" before each offset in `markers`. */
const shown = (word: string, markers: number[]) => [...word].map((ch, i) => (markers.includes(i) ? '-' : '') + ch).join('');

/** Words of five letters or more in a language's texts. */
function contentWords(tag: string): string[] {
  const dir = tag === 'en' ? path.join(ROOT, 'statements') : path.join(ROOT, 'translations', tag);
  const text = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return [...new Set(text.match(/\p{L}{5,}/gu) ?? [])];
}

const LANGUAGES = [
  { patterns: 'de-1996', tag: 'de' },
  { patterns: 'en-gb', tag: 'en' },
  { patterns: 'ru', tag: 'ru' },
  { patterns: 'be', tag: 'be' },
];

describe('hyphenation', () => {
  for (const { patterns, tag } of LANGUAGES) {
    it(`${patterns}: the package's hyphens for the words of the statements, capitalised too`, () => {
      const definition = require(`hyphen/patterns/${patterns}.js`) as Definition;
      const exceptions = Object.keys(definition[2] ?? {});
      const hyphenate = createHyphenator(definition);
      const ours = createWordHyphenator(patterns);
      const words = contentWords(tag).filter((w) => !exceptions.includes(w.toLowerCase()));
      expect(words.length).toBeGreaterThan(150);
      let hyphens = 0;
      for (const word of words) {
        const theirs = hyphenate(word, { hyphenChar: '-' });
        expect(shown(word, ours(word)), word).toBe(theirs);
        const capital = word[0]!.toUpperCase() + word.slice(1);
        expect(shown(capital, ours(capital)), capital).toBe(capital[0] + theirs.slice(1));
        hyphens += theirs.split('-').length - 1;
      }
      // The comparison is about real hyphens, not two words without any.
      expect(hyphens).toBeGreaterThan(words.length / 2);
    });

  }

  for (const { patterns, count } of [{ patterns: 'en-gb', count: 8 }, { patterns: 'ru', count: 184 }]) {
    it(`${patterns}: each of its ${count} exceptions where its definition puts the hyphens`, () => {
      const exceptions = (require(`hyphen/patterns/${patterns}.js`) as Definition)[2] ?? {};
      expect(Object.keys(exceptions)).toHaveLength(count);
      const ours = createWordHyphenator(patterns);
      for (const [word, places] of Object.entries(exceptions)) {
        // The definition's places are those of the hyphens in the hyphenated word.
        const expected = [...word];
        for (const at of places) expected.splice(at, 0, '-');
        expect(shown(word, ours(word)), word).toBe(expected.join(''));
        expect(shown(word.toUpperCase(), ours(word.toUpperCase())), word).toBe(expected.join('').toUpperCase());
      }
    });
  }

  it('puts right what the package gets wrong: uni-ver-sity, not uni-vers-ity', () => {
    expect(createHyphenator(require('hyphen/patterns/en-gb.js'))('university', { hyphenChar: '-' })).toBe('uni-vers-ity');
    const en = createWordHyphenator('en-gb');
    expect(shown('university', en('university'))).toBe('uni-ver-sity');
    expect(shown('Reciprocity', en('Reciprocity'))).toBe('Re-ci-pro-city');
    const ru = createWordHyphenator('ru');
    expect(shown('водосливом', ru('водосливом'))).toBe('во-до-сли-вом');
  });
});
