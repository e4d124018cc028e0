/**
 * Hyphenation by the `hyphen` package, its synchronous hyphenator over its own patterns, with
 * two things put right before the package sees them:
 *
 * - Exceptions. The patterns list words hyphenated by hand (184 in Russian, 8 in English),
 *   each as the places of the hyphens in the hyphenated word ("uni-ver-sity": 3, 7); the
 *   package takes them as places in the word itself and writes "uni-vers-ity". We hand it the
 *   places in the word (3, 6), which it then uses as they are.
 * - Case. The package lower-cases in the machine's locale, where a Turkish one makes "I" a
 *   dotless ı; we lower-case without a locale first, so the same text gives the same PDFs on
 *   every machine.
 */
import { createRequire } from 'node:module';

/** The package's patterns: levels, trie, and exceptions (word → places of its hyphens). */
type Definition = [unknown, unknown, Record<string, number[]> | undefined];
type Hyphenate = (text: string, options?: { hyphenChar?: string }) => string;

const require = createRequire(import.meta.url);
const createHyphenator = require('hyphen/hyphen.js') as (patterns: Definition, options: { html: boolean; hyphenChar: string; minWordLength: number }) => Hyphenate;

/** Never in the words we hand over: letters, marks and soft hyphens only. */
const MARK = '\u0001';

/** The exceptions with each hyphen's place counted in the word without the hyphens before it. */
export function exceptionsInWord(exceptions: Record<string, number[]> | undefined): Record<string, number[]> {
  return Object.fromEntries(Object.entries(exceptions ?? {}).map(([word, places]) => [word, places.map((at, k) => at - k)]));
}

/** A hyphenator for the patterns `name` of the package (e.g. 'de-1996'): word → offsets a hyphen may go before. */
export function createWordHyphenator(name: string): (word: string) => number[] {
  const [levels, trie, exceptions] = require(`hyphen/patterns/${name}.js`) as Definition;
  const hyphenate = createHyphenator([levels, trie, exceptionsInWord(exceptions)], { html: false, hyphenChar: MARK, minWordLength: 5 });
  return (word) => {
    const lowered = word.toLowerCase();
    const marked = hyphenate(lowered.length === word.length ? lowered : word);
    const markers: number[] = [];
    for (let i = 0, at = 0; i < marked.length; i++) {
      if (marked[i] === MARK) markers.push(at);
      else at++;
    }
    return markers;
  };
}
