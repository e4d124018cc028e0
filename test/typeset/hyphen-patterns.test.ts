/**
 * The flat hyphenation trie gives exactly the hyphens of the `hyphen` package it replaces:
 * every word of the statements and thousands of made-up ones, in each language with
 * patterns, in lower case and capitalised; and the words the patterns list as exceptions
 * where their definitions put the hyphens (the package misplaces them).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deserialize, flatten, hyphenMarkers, serialize, type Definition } from '../../src/typeset/hyphen-patterns.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SHY = '\u00ad';
const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown) => (text: string, options: { hyphenChar: string }) => string;

/** Where the package puts its soft hyphens in `word`, as offsets into the word. */
function packageMarkers(hyphenate: (text: string, options: { hyphenChar: string }) => string, word: string): number[] {
  const markers: number[] = [];
  let at = 0;
  for (const ch of hyphenate(word, { hyphenChar: SHY })) {
    if (ch === SHY) markers.push(at);
    else at += ch.length;
  }
  return markers;
}

/** Words of five letters or more in a language's texts. */
function contentWords(tag: string): string[] {
  const files = tag === 'en' ? [path.join(ROOT, 'statements')] : [path.join(ROOT, 'translations', tag)];
  const text = files.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).join('\n');
  return [...new Set(text.match(/\p{L}{5,}/gu) ?? [])];
}

/** Made-up words from the patterns' own letters (a fixed pseudo-random sequence). */
function madeUpWords(letters: string[], count: number): string[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 5 + Math.floor(next() * 14) }, () => letters[Math.floor(next() * letters.length)]!).join(''));
}

const LANGUAGES = [
  { patterns: 'de-1996', tag: 'de' },
  { patterns: 'en-gb', tag: 'en' },
  { patterns: 'ru', tag: 'ru' },
  { patterns: 'be', tag: 'be' },
];

describe('hyphenation patterns as a flat trie', () => {
  for (const { patterns, tag } of LANGUAGES) {
    it(`${patterns}: the same hyphens as the hyphen package`, () => {
      const definition = require(`hyphen/patterns/${patterns}.js`) as Definition;
      const flat = flatten(definition);
      const hyphenate = createHyphenator(definition);
      // Letters only, as hyphenationPoints hands over (the patterns also know '-' and apostrophes).
      const letters = Object.keys(definition[1]).filter((c) => /\p{L}/u.test(c));
      const exceptions = Object.keys(definition[2] ?? {});
      const words = [...contentWords(tag), ...madeUpWords(letters, 4000)].filter((w) => !exceptions.includes(w.toLowerCase()));
      expect(words.length).toBeGreaterThan(4000);
      const capitalised = words.map((w) => w[0]!.toUpperCase() + w.slice(1));
      let hyphens = 0;
      for (const word of [...words, ...capitalised]) {
        const markers = hyphenMarkers(flat, word);
        expect(markers, word).toEqual(packageMarkers(hyphenate, word));
        hyphens += markers.length;
      }
      // The comparison is about real hyphens, not two empty lists.
      expect(hyphens).toBeGreaterThan(words.length);
    });
  }

  it('hyphenates the exceptions where their definitions do, unlike the package', () => {
    const en = flatten(require('hyphen/patterns/en-gb.js'));
    const ru = flatten(require('hyphen/patterns/ru.js'));
    const hyphenated = (flat: ReturnType<typeof flatten>, word: string) => {
      const markers = hyphenMarkers(flat, word);
      return [...word].map((ch, i) => (markers.includes(i) ? '-' : '') + ch).join('');
    };
    // TeX's en-gb exceptions: uni-ver-sity, re-ci-pro-city; the package made "uni-vers-ity".
    expect(hyphenated(en, 'university')).toBe('uni-ver-sity');
    expect(hyphenated(en, 'Reciprocity')).toBe('Re-ci-pro-city');
    expect(packageMarkers(createHyphenator(require('hyphen/patterns/en-gb.js')), 'university')).toEqual([3, 7]);
    expect(hyphenated(ru, 'водосливом')).toBe('во-до-сли-вом');
  });

  it('reads back what it writes, and refuses bytes that are not a trie', () => {
    const flat = flatten(require('hyphen/patterns/ru.js'));
    const back = deserialize(serialize(flat))!;
    expect(back).toEqual(flat);
    expect(back.exceptions.size).toBeGreaterThan(100);
    expect(hyphenMarkers(back, 'выдаются')).toEqual(hyphenMarkers(flat, 'выдаются'));
    expect(deserialize(new TextEncoder().encode('not a trie at all, just some text'))).toBeUndefined();
    expect(deserialize(serialize(flat).subarray(0, 1000))).toBeUndefined();
  });
});
