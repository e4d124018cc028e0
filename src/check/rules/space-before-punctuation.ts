/** A space before , . ; : ! ? (or Arabic ، ؛ ؟) separates the mark from its word, and a line may break there. */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const rule: Rule = {
  id: 'space-before-punctuation',
  severity: 'warning',
  description: 'A space before a comma, full stop, colon, semicolon, question or exclamation mark (also ، ؛ ؟).',
  source: true,
  document(ctx) {
    // After a word character only, so “… .” after a quotation mark or an ellipsis “ …” is left alone.
    scan(ctx, /(?<=[\p{L}\p{M}\p{N}]) +(?=[,.;:!?،؛؟](?![.\d]))/gu, (match, place, run) => {
      const mark = run.text[match.index! + match[0].length];
      ctx.report(place, `There is a space before “${mark}”.`, `Remove the space, so “${mark}” follows the word directly.`);
    });
  },
};
export default rule;
