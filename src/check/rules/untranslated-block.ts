/** A paragraph or field left in English. */
import type { Rule } from '../types.js';
import { analyse, collapse, leafPairs } from '../analysis.js';
import { words } from '../text.js';
import { sourceLine } from './util.js';

/**
 * Whether identical text is evidence of a forgotten translation: proper names and short
 * acronyms (“PSL”, “Artyom Borodin”) stay the same in every language; sentences do not.
 */
export function looksLikeProse(text: string): boolean {
  const ws = words(text);
  return ws.length >= 2 && ws.some((w) => /^\p{Ll}/u.test(w.word));
}

const rule: Rule = {
  id: 'untranslated-block',
  severity: 'error',
  description: 'A paragraph, heading or front matter field is exactly the same as in English: it was probably not translated.',
  document(ctx) {
    const source = analyse(ctx.source);
    for (const field of source.fields) {
      const mine = ctx.doc.data[field.key];
      if (typeof mine !== 'string' || collapse(mine) !== collapse(field.value) || !looksLikeProse(field.value)) continue;
      ctx.report(ctx.doc.fieldPlaces[field.key], `The ${field.key} is still the English text.`, `Translate the ${field.key}.`);
    }
    for (const pair of leafPairs(ctx.source, ctx.doc)) {
      if (pair.source.node.type === 'code' || pair.translation.text !== pair.source.text || !looksLikeProse(pair.source.text)) continue;
      ctx.report({ line: pair.translation.line, column: pair.translation.column },
        `This text is still the English text of ${sourceLine(ctx, pair.source.line)}.`, 'Translate it.');
    }
  },
};
export default rule;
