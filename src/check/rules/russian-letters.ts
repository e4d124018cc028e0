/** і and ў are Belarusian (or Ukrainian) letters; in Russian text they are usually a slip. */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const FIXES: Record<string, string> = { 'і': 'и', 'І': 'И', 'ў': 'у', 'Ў': 'У' };

const rule: Rule = {
  id: 'russian-letters',
  severity: 'warning',
  description: 'The letters і and ў are not Russian; in a Russian text they are usually a typing slip (except in Belarusian names).',
  document(ctx) {
    if (ctx.lang.tag !== 'ru') return;
    scan(ctx, /[іІўЎ]/g, (match, place) => {
      ctx.report(place, `The letter ${match[0]} is Belarusian or Ukrainian, not Russian.`,
        `Write ${FIXES[match[0]]}, unless this is a Belarusian or Ukrainian name.`);
    });
  },
};
export default rule;
