/** One number written with digits of two systems, e.g. ۲2: readers see a different number. */
import type { Rule } from '../types.js';
import { DIGIT_NAMES, findNumbers } from '../numbers.js';
import { prose } from './util.js';

const rule: Rule = {
  id: 'mixed-digits',
  severity: 'error',
  description: 'A number mixes digits of two systems, e.g. Persian ۲ and Western 2 in “۲2”.',
  source: true,
  document(ctx) {
    for (const run of prose(ctx)) {
      for (const n of findNumbers(run.text)) {
        if (n.systems.size < 2) continue;
        const names = [...n.systems].map((s) => DIGIT_NAMES[s]).join(' and ');
        ctx.report(ctx.analysis.point(run.offset + n.index), `The number “${n.text}” mixes ${names} digits.`,
          'Write the whole number in one kind of digits.');
      }
    }
  },
};
export default rule;
