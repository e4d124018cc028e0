/** Every English UI string exists, non-empty, in the translation. */
import type { Rule } from '../types.js';
import { pluralBase, placeOf } from '../json.js';
import { view } from './ui-shared.js';

const rule: Rule = {
  id: 'ui-missing-key',
  severity: 'error',
  description: 'Every text of translations/en/ui.json must be translated in the language\'s ui.json, and none may be empty.',
  ui({ ui, english, report }) {
    const en = english && view(english);
    const mine = view(ui);
    if (!en || !mine || ui === english) return;
    for (const [key] of en.strings) {
      if (pluralBase(key)) continue; // ui-plural-forms checks plural forms per language
      const value = mine.strings.get(key);
      if (value === undefined) {
        report(placeOf(mine.places, key), `The text “${key}” is missing from this file.`,
          `Add "${key.split('.').pop()}": "…" in the same place as in translations/en/ui.json, with the translated text.`);
      } else if (typeof value !== 'string' || !value.trim()) {
        report(placeOf(mine.places, key), `The text “${key}” is empty.`, 'Write the translated text between the double quotes.');
      }
    }
  },
};
export default rule;
