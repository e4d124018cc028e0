/**
 * The `source:` line that `npm run stamp` writes must be intact. A missing line is not this
 * rule's business: the translation is not reviewed yet (not-reviewed, a warning).
 */
import type { Rule } from '../types.js';
import { FINGERPRINT_FIELD, parseFingerprint } from '../fingerprint.js';

const rule: Rule = {
  id: 'source-fingerprint',
  severity: 'error',
  description: 'The `source:` line that `npm run stamp` writes after review is damaged; it records which version of the English text was translated.',
  document(ctx) {
    const { doc, report } = ctx;
    if (doc.file.messages.some((m) => m.ruleId?.startsWith('content-front-matter'))) return;
    const value = doc.data[FINGERPRINT_FIELD];
    const stamp = `npm run stamp -- ${doc.path}`;
    if (value !== undefined && !parseFingerprint(value)) {
      report(doc.fieldPlaces[FINGERPRINT_FIELD] ?? doc.frontMatterPlace, 'The `source:` line is damaged; only `npm run stamp` should write it.',
        `Run \`${stamp}\` to write it again (after checking that the translation matches the current English text).`);
    }
  },
};
export default rule;
