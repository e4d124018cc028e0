/** The share-image quote must be a sentence of the statement itself. */
import type { Rule } from '../types.js';
import { analyse, collapse } from '../analysis.js';

/** Compare without spacing, quotation marks and a final full stop, which may differ. */
function normal(text: string): string {
  return collapse(text).replace(/[«»„“”"‚‘’'‹›]/g, '').replace(/[.!?؟。]+$/u, '').toLowerCase();
}

const rule: Rule = {
  id: 'quote-in-body',
  severity: 'error',
  description: 'The `quote` in the front matter must occur, word for word, in the text of the statement.',
  source: true,
  document({ doc, report }) {
    const quote = doc.data.quote;
    if (typeof quote !== 'string' || !quote.trim()) return;
    const body = normal(analyse(doc).blocks.filter((b) => b.leaf).map((b) => b.text).join(' '));
    if (body.includes(normal(quote))) return;
    report(doc.fieldPlaces.quote ?? doc.frontMatterPlace,
      'The quote in the front matter does not occur in the text of the statement.',
      'Copy the quote exactly from the translated paragraph it comes from, so the share images quote the text word for word.');
  },
};
export default rule;
