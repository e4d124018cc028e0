/** Belarusian has no и, щ or ъ; they come from Russian (often autocorrect or a Russian keyboard). */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const FIXES: Record<string, string> = { 'и': 'і', 'И': 'І', 'щ': 'шч', 'Щ': 'Шч', 'ъ': '’ (apostrophe)', 'Ъ': '’ (apostrophe)' };

const rule: Rule = {
  id: 'belarusian-letters',
  severity: 'error',
  description: 'The Russian letters и, щ, ъ do not exist in Belarusian (write і, шч, and the apostrophe ’).',
  document(ctx) {
    if (ctx.lang.tag !== 'be') return;
    scan(ctx, /[иИщЩъЪ]/g, (match, place) => {
      ctx.report(place, `The letter ${match[0]} is Russian; Belarusian does not use it.`, `Write ${FIXES[match[0]]} instead.`);
    });
  },
};
export default rule;
