/** Farsi and Dari are written with Persian ی and ک, not the Arabic ي and ك (they look alike but search and sorting break). */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const PERSIAN = new Set(['fa', 'fa-AF']);
const FIXES: Record<string, { name: string; fix: string; fixName: string }> = {
  'ي': { name: 'Arabic yeh ي (U+064A)', fix: 'ی', fixName: 'Persian yeh ی (U+06CC)' },
  'ك': { name: 'Arabic kaf ك (U+0643)', fix: 'ک', fixName: 'Persian keheh ک (U+06A9)' },
};

const rule: Rule = {
  id: 'persian-arabic-letters',
  severity: 'error',
  description: 'In Farsi and Dari, the Arabic letters ي and ك must be the Persian ی and ک.',
  document(ctx) {
    if (!PERSIAN.has(ctx.lang.tag)) return;
    scan(ctx, /[يك]/g, (match, place) => {
      const f = FIXES[match[0]];
      ctx.report(place, `This is the ${f.name}; ${ctx.lang.englishName} uses the ${f.fixName}.`,
        `Replace it with ${f.fix} (a Persian keyboard layout types the right letter).`);
    });
  },
};
export default rule;
