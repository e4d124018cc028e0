/** A translation whose English statement does not exist. */
import type { Rule } from '../types.js';
import { findStatement } from '../../content/index.js';

const rule: Rule = {
  id: 'orphan-translation',
  severity: 'error',
  description: 'A translation file must have the same name as an English statement in statements/.',
  repository({ repo, langs, wants, reportAt }) {
    for (const doc of repo.translations) {
      if (!langs.includes(doc.lang) || !wants(doc.slug) || findStatement(repo, doc.slug)) continue;
      const names = repo.statements.map((s) => `${s.slug}.md`).join(', ') || 'none yet';
      reportAt(doc.path, { line: 1, column: 1 },
        `There is no English statement statements/${doc.slug}.md for this translation.`,
        `Rename the file to the English statement's file name (statements: ${names}).`);
    }
  },
};
export default rule;
