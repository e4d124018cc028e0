/** Quotation marks of the language: «…» in Russian, „…“ in German, “…” in English. */
import type { Rule } from '../types.js';
import { scan } from './util.js';

/** Every double quotation mark we know; apostrophes (’ ') are never flagged. */
const DOUBLE_MARKS = /["“”„«»‟]/g;
/** Marks accepted besides the registry's (German books also use »…«). */
const ALSO: Record<string, string> = { de: '»«' };

const rule: Rule = {
  id: 'quotes',
  severity: 'warning',
  description: 'Quotation marks must be those of the language: «…» (inner „…“) in Russian and Belarusian, „…“ in German, «…» in Arabic, Farsi and Dari, “…” in English.',
  source: true,
  document(ctx) {
    const q = ctx.lang.quotes;
    const allowed = new Set([q.open, q.close, q.innerOpen, q.innerClose, ...(ALSO[ctx.lang.tag] ?? '')]);
    scan(ctx, DOUBLE_MARKS, (match, place) => {
      if (allowed.has(match[0])) return;
      ctx.report(place, `The quotation mark ${match[0]} is not used in ${ctx.lang.englishName}.`,
        `Use ${q.open}…${q.close} for quotations${q.innerOpen !== q.open ? `, and ${q.innerOpen}…${q.innerClose} for a quotation inside a quotation` : ''}.`);
    });
  },
};
export default rule;
