/** Every language has its UI strings file. */
import type { Rule } from '../types.js';
import { findUi } from '../../content/index.js';

const rule: Rule = {
  id: 'missing-ui',
  severity: 'error',
  description: 'Every language needs translations/<language>/ui.json with the words around the statement (buttons, page numbers).',
  repository({ repo, langs, reportAt }) {
    for (const lang of langs) {
      const path = `translations/${lang.tag}/ui.json`;
      if (findUi(repo, lang.tag) || repo.problems.some((p) => p.path === path)) continue;
      reportAt(path, { line: 1, column: 1 }, `The ${lang.englishName} page texts are missing: the file ${path} does not exist.`,
        `Copy translations/en/ui.json to ${path} and translate the texts on the right of each colon.`);
    }
  },
};
export default rule;
