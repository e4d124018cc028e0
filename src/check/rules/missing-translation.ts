/**
 * A statement without a file in some language is pending there, not broken: the build publishes
 * the languages that exist. Reported as info (set it to error to require every language).
 */
import type { Rule } from '../types.js';
import { findTranslation } from '../../content/index.js';

const rule: Rule = {
  id: 'missing-translation',
  severity: 'info',
  description: 'A statement has no translation file in a language yet: that language is pending and not published, the others are.',
  repository({ repo, slugs, langs, reportAt }) {
    for (const slug of slugs) {
      for (const lang of langs) {
        if (lang.source || findTranslation(repo, slug, lang.tag)) continue;
        const path = `translations/${lang.tag}/${slug}.md`;
        if (repo.problems.some((p) => p.path === path)) continue; // it exists but could not be read; reported as such
        reportAt(path, { line: 1, column: 1 },
          `The statement “${slug}” has no ${lang.englishName} translation yet (pending): the file ${path} does not exist. The other languages are published without it.`,
          `To translate it, copy statements/${slug}.md to ${path} and translate it (see TRANSLATING.md).`);
      }
    }
  },
};
export default rule;
