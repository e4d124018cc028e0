/**
 * Small typographic fixes before setting display text, all done with no-break spaces, which
 * the line breaker respects:
 * - no line ends in a one-letter word (English a and I, Russian and Belarusian в, к, с, у, і, ў,
 *   Persian و): typography in all these languages keeps it with the next word;
 * - no line starts with a dash, and “§ 22” stays together;
 * - a short hyphenated word (“Post-Soviet”) is not broken at its hyphen;
 * - the last line is never one short word alone: the last two words stay together.
 */
import type { Language } from '../../languages.js';

const NBSP = '\u00a0';
/** Word joiner: a dash allows a break after it even before a no-break space (UAX #14 LB12a). */
const WJ = '\u2060';

/** The longest hyphenated word kept whole. */
const SHORT_COMPOUND = 16;

/** The longest last word that is kept with the word before it. */
const SHORT_LAST_WORD = 10;

export function bindShortWords(text: string, lang: Language): string {
  let out = text.replace(/ ([–—])/g, `${NBSP}$1`).replace(/§ /g, `§${NBSP}`);
  out = out.replace(/\p{L}+(?:-\p{L}+)+/gu, (word) => (word.length <= SHORT_COMPOUND ? word.replace(/-/g, `-${WJ}`) : word));
  // Twice, so that two one-letter words in a row (“и в”) both bind.
  for (let i = 0; i < 2; i++) out = out.replace(/(^|[\s(«„“])(\p{L}) /gu, `$1$2${NBSP}`);
  const last = out.lastIndexOf(' ');
  if (last > 0 && out.length - last - 1 <= SHORT_LAST_WORD) {
    const joiner = /[–—]/.test(out[last - 1]!) ? WJ + NBSP : NBSP;
    out = `${out.slice(0, last)}${joiner}${out.slice(last + 1)}`;
  }
  return out;
}
