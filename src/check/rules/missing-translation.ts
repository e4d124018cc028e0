/** Every statement has a translation file in every registered language. */
import type { Rule } from '../types.js';
import { findTranslation } from '../../content/index.js';

const rule: Rule = {
  id: 'missing-translation',
  severity: 'error',
  description: 'Every English statement needs a translation file in every language.',
  repository({ repo, slugs, langs, reportAt }) {
    for (const slug of slugs) {
      for (const lang of langs) {
        if (lang.source || findTranslation(repo, slug, lang.tag)) continue;
        const path = `translations/${lang.tag}/${slug}.md`;
        if (repo.problems.some((p) => p.path === path)) continue; // it exists but could not be read; reported as such
        reportAt(path, { line: 1, column: 1 },
          `The statement “${slug}” has no ${lang.englishName} translation yet: the file ${path} does not exist.`,
          `Copy statements/${slug}.md to ${path} and translate it (see TRANSLATING.md).`);
      }
    }
  },
};
export default rule;
