/** The front matter fields every statement and translation needs. */
import type { Rule } from '../types.js';

const FIELDS: Record<string, string> = {
  title: 'the title',
  summary: 'the summary (one or two sentences shown in link previews)',
  status: 'the status (draft, or reviewed after a second person checked it)',
  quote: 'the quotation shown on the share images',
};

const rule: Rule = {
  id: 'front-matter-required',
  severity: 'error',
  description: 'The front matter must have a non-empty title, summary and status, and a quote when the English text has one.',
  source: true,
  document(ctx) {
    const { doc, source, isSource, report } = ctx;
    if (doc.file.messages.some((m) => m.ruleId?.startsWith('content-front-matter'))) return; // no usable front matter: reported already
    const required = ['title', 'summary'];
    if (!isSource) required.push('status');
    if (!isSource && typeof source.data.quote === 'string' && source.data.quote.trim()) required.push('quote');
    for (const key of required) {
      const value = doc.data[key];
      if (value === undefined) {
        report(doc.frontMatterPlace, `The front matter has no \`${key}\` field: ${FIELDS[key]} is missing.`,
          key === 'status' ? 'Add the line `status: draft` before the closing `---`.' : `Add a line \`${key}: "…"\` with ${FIELDS[key]}, as in the English file.`);
      } else if (typeof value !== 'string' || !value.trim()) {
        report(doc.fieldPlaces[key] ?? doc.frontMatterPlace, `The \`${key}\` field is empty: ${FIELDS[key]} is missing.`,
          `Write ${FIELDS[key]} in double quotes after \`${key}:\`.`);
      }
    }
  },
};
export default rule;
