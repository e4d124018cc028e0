/**
 * The line-break layer: break opportunities from `linebreak` (UAX #14), plus hyphenation
 * points from the patterns of `hyphen` for the languages that have them (German, Russian,
 * Belarusian, English; see hyphenation.ts). Arabic script is never hyphenated.
 */
import LineBreaker from 'linebreak';
import type { Language } from '../languages.js';
import { createWordHyphenator } from './hyphenation.js';

export interface BreakOpportunity {
  /** UTF-16 offset where the next line would start. */
  position: number;
  /** A mandatory break (after a newline). */
  required: boolean;
  /** Breaking here inserts a hyphen (a hyphenation point or a soft hyphen). */
  hyphen: boolean;
}

/** UAX #14 break opportunities of `text`, as `linebreak` finds them (the end of text included). */
export function uax14Breaks(text: string): Array<{ position: number; required: boolean }> {
  const breaker = new LineBreaker(text);
  const out: Array<{ position: number; required: boolean }> = [];
  let bk;
  while ((bk = breaker.nextBreak())) out.push({ position: bk.position, required: bk.required });
  return out;
}

const hyphenators = new Map<string, (word: string) => number[]>();

/**
 * The hyphenation markers of a word, by the language's patterns. Each word is worked out once
 * per thread: the A4 and A5 layouts of a text break the same words, and many words come back.
 */
function hyphenator(patterns: NonNullable<Language['hyphenation']>): (word: string) => number[] {
  let h = hyphenators.get(patterns);
  if (!h) {
    const markers = createWordHyphenator(patterns);
    const done = new Map<string, number[]>();
    h = (word) => {
      let out = done.get(word);
      if (out === undefined) done.set(word, (out = markers(word)));
      return out;
    };
    hyphenators.set(patterns, h);
  }
  return h;
}

const SHY = '\u00ad';
const WORD = /[\p{L}\p{M}\u00ad]+/gu;
/**
 * Letters kept together at the start and end of a word (TeX's lefthyphenmin/righthyphenmin).
 * Longer than TeX's 2 and 3: a two- or three-letter fragment ("вы-", "-дов") is hard to take
 * in at a glance, and OCR misreads it (it read "пово-дов для" as "пово- Дов ДЛЯ").
 */
const LEFT_MIN = 3;
const RIGHT_MIN = 4;

/** Positions inside words where the language's patterns allow a hyphen. */
export function hyphenationPoints(text: string, lang: Language): number[] {
  if (!lang.hyphenation) return [];
  const hyph = hyphenator(lang.hyphenation);
  const points: number[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length < LEFT_MIN + RIGHT_MIN || word.includes(SHY)) continue;
    for (const at of hyph(word)) if (at >= LEFT_MIN && word.length - at >= RIGHT_MIN) points.push(m.index! + at);
  }
  return points;
}

/** All break opportunities, sorted, with hyphenation points merged in. */
export function breakOpportunities(text: string, lang: Language, hyphenate: boolean): BreakOpportunity[] {
  const out: BreakOpportunity[] = uax14Breaks(text).map((b) => ({
    position: b.position,
    required: b.required,
    hyphen: b.position > 0 && text[b.position - 1] === SHY,
  }));
  if (!hyphenate || !lang.hyphenation) return out;
  const points = hyphenationPoints(text, lang);
  if (points.length === 0) return out;
  const merged: BreakOpportunity[] = [];
  let j = 0;
  for (const b of out) {
    while (j < points.length && points[j]! < b.position) merged.push({ position: points[j++]!, required: false, hyphen: true });
    if (j < points.length && points[j] === b.position) j++;
    merged.push(b);
  }
  return merged;
}

export type BreakKind = 'plain' | 'hyphenation' | 'explicit-hyphen' | 'short-word';

const SHORT_WORD_BEFORE = /(?:^|[^\p{L}\p{M}])[\p{L}\p{M}]{1,2}[ \t]+$/u;

/**
 * What breaking at `o` costs the reader, for the optimal line breaker to weigh:
 * - `hyphenation`: a hyphen is inserted (pattern point or soft hyphen);
 * - `explicit-hyphen`: after a hyphen the word has itself ("anti-|war"), which a reader, a
 *   search or OCR cannot tell from a hyphenated "antiwar";
 * - `short-word`: in Cyrillic, after a one- or two-letter word ("в", "по", "не"), which Russian
 *   and Belarusian typography keeps on the line of the word it belongs to.
 */
export function breakKind(text: string, o: BreakOpportunity, lang: Language): BreakKind {
  if (o.hyphen) return 'hyphenation';
  if (o.required || o.position <= 0 || o.position >= text.length) return 'plain';
  const before = text[o.position - 1]!;
  if (before === '-' || before === '\u2010') return 'explicit-hyphen';
  if (lang.script === 'Cyrl' && SHORT_WORD_BEFORE.test(text.slice(Math.max(0, o.position - 8), o.position))) return 'short-word';
  return 'plain';
}
