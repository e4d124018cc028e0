/** `status` says whether a second person reviewed the translation. */
import type { Rule } from '../types.js';

export const STATUSES = ['draft', 'reviewed'] as const;

const rule: Rule = {
  id: 'status-value',
  severity: 'error',
  description: 'The status must be `draft` (not reviewed yet; the page says so) or `reviewed`.',
  document({ doc, report }) {
    const status = doc.data.status;
    if (typeof status !== 'string' || !status.trim()) return; // front-matter-required reports it
    if ((STATUSES as readonly string[]).includes(status.trim())) return;
    report(doc.fieldPlaces.status, `The status “${status}” is not known; it must be draft or reviewed.`,
      'Write `status: draft` until a second person has reviewed the translation, then `status: reviewed`.');
  },
};
export default rule;
