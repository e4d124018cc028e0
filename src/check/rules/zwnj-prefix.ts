/**
 * Persian verb prefixes می and نمی are joined to the verb with a zero-width non-joiner
 * (نیم‌فاصله, U+200C): می‌کنیم. A space (می کنیم) lets a line break split the verb; nothing
 * at all (میکنیم) joins the letters into the wrong shapes.
 */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const PERSIAN = new Set(['fa', 'fa-AF']);

/** Present stems that follow می in common verbs; a word like میدان (square) is not a verb. */
const STEMS = ['کن', 'شو', 'شد', 'گوی', 'گوی', 'گفت', 'خواه', 'خواست', 'ده', 'داد', 'رو', 'رف', 'آی', 'آم', 'توان', 'دان', 'دانست', 'گیر', 'گرف',
  'گرد', 'بین', 'دید', 'کش', 'ریز', 'زن', 'زد', 'مان', 'رس', 'یاب', 'گذار', 'گذر', 'نویس', 'خوان', 'شمار', 'آور', 'بر', 'برد', 'دار', 'داشت',
  'کوش', 'گریز', 'سپار', 'ساز', 'پذیر', 'افت', 'انداز', 'نشین', 'پرداز', 'جنگ', 'خور', 'فرست', 'پوش', 'ماند', 'کاه', 'افزا', 'خواب'];
const NOT_VERBS = new Set(['میدان', 'میدانی', 'میزان', 'میراث', 'میلیون', 'میلیارد', 'میهن', 'میوه', 'میان', 'میانه', 'میخ', 'میز', 'میش',
  'میل', 'میمون', 'میرزا', 'میگو', 'میر', 'میکروب', 'میدانها', 'میکرو']);

const PREFIX_WITH_SPACE = /(?<![\p{L}\p{M}\u200C])(ن?می) (?=[\p{Script=Arabic}])/gu;
const GLUED = /(?<![\p{L}\p{M}\u200C])(ن?می)([\p{Script=Arabic}]+)/gu;

const rule: Rule = {
  id: 'zwnj-prefix',
  severity: 'warning',
  description: 'In Farsi and Dari, the verb prefixes می and نمی need a zero-width non-joiner (نیم‌فاصله) before the verb: می‌کنیم, not می کنیم or میکنیم.',
  document(ctx) {
    if (!PERSIAN.has(ctx.lang.tag)) return;
    const fix = (prefix: string, rest: string) =>
      `Put a zero-width non-joiner (U+200C, Shift+Space on a Persian keyboard) between ${prefix} and the verb: ${prefix}\u200C${rest}.`;
    scan(ctx, PREFIX_WITH_SPACE, (match, place, run) => {
      const after = run.text.slice(match.index! + match[0].length).match(/^[\p{L}\p{M}]+/u)?.[0] ?? '';
      ctx.report(place, `The prefix ${match[1]} is separated from its verb by a space (${match[1]} ${after}).`, fix(match[1], after));
    });
    scan(ctx, GLUED, (match, place) => {
      const word = match[0];
      const prefix = match[1];
      const rest = match[2];
      if (NOT_VERBS.has(word) || NOT_VERBS.has(rest) || !STEMS.some((s) => rest.startsWith(s))) return;
      ctx.report(place, `The prefix ${prefix} is joined to its verb without a zero-width non-joiner (${word}).`, fix(prefix, rest));
    });
  },
};
export default rule;
