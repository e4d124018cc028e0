/**
 * A text that opens with its own title as a heading. The loader already leaves that heading
 * out (src/content/parse.ts), so nothing is printed twice; this tells the writer to delete it.
 */
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'duplicate-title',
  severity: 'warning',
  description: 'The text starts with a heading that repeats the title from the front matter.',
  source: true,
  document(ctx) {
    if (!ctx.doc.repeatedTitle) return;
    ctx.report(ctx.doc.repeatedTitle, 'This heading repeats the title from the front matter; the page and the PDFs leave it out, or they would show the title twice.',
      'Delete this heading: the title from the front matter is printed above the text.');
  },
};
export default rule;
