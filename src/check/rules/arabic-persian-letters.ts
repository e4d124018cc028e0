/** The reverse of persian-arabic-letters: Persian ی and ک in an Arabic file. */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const rule: Rule = {
  id: 'arabic-persian-letters',
  severity: 'warning',
  description: 'In Arabic, the Persian letters ی and ک should be the Arabic ي (or ى at the end of a word) and ك.',
  document(ctx) {
    if (ctx.lang.tag !== 'ar') return;
    scan(ctx, /[یک]/g, (match, place) => {
      const yeh = match[0] === 'ی';
      ctx.report(place, yeh ? 'This is the Persian yeh ی (U+06CC); Arabic uses ي (U+064A), or alef maksura ى (U+0649) at the end of a word.'
        : 'This is the Persian keheh ک (U+06A9); Arabic uses kaf ك (U+0643).',
      `Replace it with ${yeh ? 'ي (or ى)' : 'ك'}, typed with an Arabic keyboard layout.`);
    });
  },
};
export default rule;
