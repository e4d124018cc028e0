/**
 * Digits of a system the language does not use: Arabic-Indic ٤٥٦ in Farsi (Persian writes
 * ۴۵۶, which look different), Persian digits in Arabic, any non-Western digits in Russian.
 * Western digits are accepted everywhere.
 */
import type { Rule } from '../types.js';
import { DIGIT_NAMES, type DigitSystem } from '../numbers.js';
import { digitSystem } from '../numbers.js';
import { scan } from './util.js';

const ALLOWED: Record<string, DigitSystem[]> = {
  fa: ['arabext', 'latn'],
  'fa-AF': ['arabext', 'latn'],
  ar: ['arab', 'latn'],
};

const rule: Rule = {
  id: 'digit-system',
  severity: 'warning',
  description: 'Digits of another language: Arabic-Indic ٤٥٦ in Farsi or Dari, Persian ۴۵۶ in Arabic, Eastern digits in Latin or Cyrillic text.',
  source: true,
  document(ctx) {
    const allowed = ALLOWED[ctx.lang.tag] ?? ['latn'];
    const preferred = allowed[0];
    scan(ctx, /[\u0660-\u0669\u06F0-\u06F9]+/g, (match, place) => {
      const system = digitSystem(match[0])!;
      if (allowed.includes(system)) return;
      ctx.report(place, `“${match[0]}” is written in ${DIGIT_NAMES[system]} digits, which ${ctx.lang.englishName} does not use.`,
        `Write it in ${DIGIT_NAMES[preferred]} digits.`);
    });
  },
};
export default rule;
