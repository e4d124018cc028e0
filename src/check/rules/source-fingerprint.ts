/** Each translation records which version of the English text it translates (written by `npm run stamp`). */
import type { Rule } from '../types.js';
import { FINGERPRINT_FIELD, parseFingerprint } from '../fingerprint.js';

const rule: Rule = {
  id: 'source-fingerprint',
  severity: 'error',
  description: 'The front matter must have the `source:` line that `npm run stamp` writes after review; it records which version of the English text was translated.',
  document(ctx) {
    const { doc, report } = ctx;
    if (doc.file.messages.some((m) => m.ruleId?.startsWith('content-front-matter'))) return;
    const value = doc.data[FINGERPRINT_FIELD];
    const stamp = `npm run stamp -- ${doc.path}`;
    if (value === undefined) {
      report(doc.frontMatterPlace, 'This translation does not record which version of the English text it translates (the `source:` line is missing).',
        `After the translation is reviewed, run \`${stamp}\`; it adds the line.`);
    } else if (!parseFingerprint(value)) {
      report(doc.fieldPlaces[FINGERPRINT_FIELD] ?? doc.frontMatterPlace, 'The `source:` line is damaged; only `npm run stamp` should write it.',
        `Run \`${stamp}\` to write it again (after checking that the translation matches the current English text).`);
    }
  },
};
export default rule;
