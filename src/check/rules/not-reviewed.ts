/**
 * A translation without the `source:` line (as a translator gets it by copying the English file)
 * has not been reviewed and stamped yet. It is published as a draft, with the draft notice.
 */
import type { Rule } from '../types.js';
import { FINGERPRINT_FIELD } from '../fingerprint.js';

const rule: Rule = {
  id: 'not-reviewed',
  severity: 'warning',
  description: 'The translation has no `source:` line yet: it is not yet reviewed, and is published as a draft until `npm run stamp` is run after review.',
  document(ctx) {
    const { doc, report } = ctx;
    if (doc.file.messages.some((m) => m.ruleId?.startsWith('content-front-matter'))) return;
    if (doc.data[FINGERPRINT_FIELD] !== undefined) return;
    report(doc.frontMatterPlace, 'Not yet reviewed: run npm run stamp after review. Until then this translation is published as a draft, with the draft notice.',
      `After a second person has reviewed the translation, run \`npm run stamp -- ${doc.path}\`; it adds the \`source:\` line.`);
  },
};
export default rule;
