/** Texts with a count need every plural form the language has (Arabic has six). */
import type { Rule } from '../types.js';
import { placeOf } from '../json.js';
import { pluralCategories, view } from './ui-shared.js';

const rule: Rule = {
  id: 'ui-plural-forms',
  severity: 'error',
  description: 'A text with a number (key_one, key_other …) needs every plural form of the language, e.g. one, few, many, other in Russian.',
  ui({ ui, english, lang, report }) {
    const en = english && view(english);
    const mine = view(ui);
    if (!en || !mine) return;
    const categories = pluralCategories(lang.tag);
    for (const base of en.plurals.keys()) {
      const have = mine.plurals.get(base) ?? new Set<string>();
      const missing = categories.filter((c) => !have.has(c));
      if (!missing.length) continue;
      const names = missing.map((c) => `${base.split('.').pop()}_${c}`).join(', ');
      report(placeOf(mine.places, have.size ? `${base}_${[...have][0]}` : base),
        `The text “${base}” lacks the ${lang.englishName} plural form${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
        `Add ${names} next to the other forms; ${lang.englishName} needs: ${categories.join(', ')}.`);
    }
  },
};
export default rule;
