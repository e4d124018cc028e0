/** No UI strings that English does not have: they would be silently unused (often a typo in the key). */
import type { Rule } from '../types.js';
import { pluralBase } from '../json.js';
import { pluralCategories, view } from './ui-shared.js';

const rule: Rule = {
  id: 'ui-extra-key',
  severity: 'error',
  description: 'The language\'s ui.json may only contain the texts of translations/en/ui.json (plural forms of the language excepted).',
  ui({ ui, english, lang, report }) {
    const en = english && view(english);
    const mine = view(ui);
    if (!en || !mine || ui === english) return;
    const categories = pluralCategories(lang.tag);
    for (const [key] of mine.strings) {
      if (en.strings.has(key)) continue;
      const base = pluralBase(key);
      if (base && en.plurals.has(base) && categories.includes(key.slice(base.length + 1))) continue;
      const because = base && en.plurals.has(base)
        ? `${lang.englishName} has no “${key.slice(base.length + 1)}” plural form (it has: ${categories.join(', ')})`
        : 'the English file has no such text; it may be a misspelt name';
      report(mine.places.get(key) ?? { line: 1, column: 1 }, `The text “${key}” is not used: ${because}.`,
        'Remove this line, or correct its name to match translations/en/ui.json.');
    }
  },
};
export default rule;
