/** `{{page}}` and friends are filled in by the program and must survive translation unchanged. */
import type { Rule } from '../types.js';
import { pluralBase } from '../json.js';
import { view } from './ui-shared.js';

const VARIABLE = /\{\{\s*([^}\s]+)\s*\}\}/g;

function variables(value: unknown): string[] {
  return typeof value === 'string' ? [...new Set([...value.matchAll(VARIABLE)].map((m) => m[1]))].sort() : [];
}

const rule: Rule = {
  id: 'ui-variables',
  severity: 'error',
  description: 'Placeholders such as {{page}} must appear in the translation exactly as in English (translate the words around them, not the placeholder).',
  ui({ ui, english, lang, report }) {
    const en = english && view(english);
    const mine = view(ui);
    if (!en || !mine || ui === english) return;
    for (const [key, value] of mine.strings) {
      const base = pluralBase(key);
      const reference = en.strings.get(key) ?? (base ? en.strings.get(`${base}_other`) : undefined);
      if (reference === undefined || typeof value !== 'string') continue;
      const want = variables(reference);
      const have = variables(value);
      const form = base ? key.slice(base.length + 1) : undefined;
      // Where the words say the number (Arabic بيانان, "two statements"), {{count}} may go.
      const wordsSayCount = form !== undefined && (lang.countInWords ?? []).includes(form);
      const missing = want.filter((v) => !have.includes(v) && !(v === 'count' && wordsSayCount));
      const extra = have.filter((v) => !want.includes(v));
      const place = mine.places.get(key) ?? { line: 1, column: 1 };
      const list = (vs: string[]) => vs.map((v) => `{{${v}}}`).join(', ');
      if (missing.length) {
        report(place, `The text “${key}” lacks the placeholder ${list(missing)}, so the program cannot fill it in.`,
          `Write ${list(missing)} exactly like that, with the Latin name and double braces, where the value belongs in the sentence.`);
      }
      if (extra.length) {
        report(place, `The text “${key}” has the placeholder ${list(extra)}, which the English text does not have.`,
          `Use only the placeholders of the English text: ${list(want) || 'none'}.`);
      }
    }
  },
};
export default rule;
