/** Summaries are shown in link previews and feeds, which cut long text. */
import type { Rule } from '../types.js';

export const MAX_SUMMARY = 200;

const rule: Rule = {
  id: 'summary-length',
  severity: 'error',
  description: `The summary must be at most ${MAX_SUMMARY} characters, so link previews show it whole.`,
  source: true,
  document({ doc, report }) {
    const summary = doc.data.summary;
    if (typeof summary !== 'string') return;
    const length = [...summary.trim()].length;
    if (length <= MAX_SUMMARY) return;
    report(doc.fieldPlaces.summary ?? doc.frontMatterPlace,
      `The summary is ${length} characters long; at most ${MAX_SUMMARY} fit in link previews.`,
      `Shorten it by at least ${length - MAX_SUMMARY} characters.`);
  },
};
export default rule;
