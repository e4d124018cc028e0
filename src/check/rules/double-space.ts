/** Two spaces between words show as a gap in print. */
import type { Rule } from '../types.js';
import { scan } from './util.js';

const rule: Rule = {
  id: 'double-space',
  severity: 'warning',
  description: 'Two or more spaces in a row between words.',
  source: true,
  document(ctx) {
    // Only between visible characters: spaces at a line end are Markdown line breaks.
    scan(ctx, /(?<=\S)[ \u00A0]{2,}(?=\S)/g, (_match, place) => {
      ctx.report(place, 'There are two or more spaces in a row here.', 'Leave a single space.');
    });
  },
};
export default rule;
