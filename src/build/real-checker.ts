/**
 * The build's view of src/check: loads the checker's fonts once, runs `checkRepository`,
 * and answers which publications may be published and why the others may not.
 */
import type { Repository } from '../content/repository.js';
import { checkRepository, formatHuman, prepareCheck, type CheckReport, type Diagnostic } from '../check/index.js';
import type { Checker, CheckOutcome } from './checker.js';
import { codeVersion, hashParts } from './hash.js';
import { KeptJson } from './kept-json.js';

export const realChecker: Checker = async (repo: Repository, scope) => {
  const langs = scope.langs ? repo.languages.filter((l) => scope.langs!.includes(l.tag) || l.source) : repo.languages;
  await prepareCheck(langs);
  // Each file's diagnostics are kept, for the checker's code and fonts (the coverage rule).
  const kept = scope.keep ? new KeptJson<Diagnostic[]>(scope.keep.dir, hashParts({ code: codeVersion(CHECK_MODULE), fonts: scope.keep.fonts })) : undefined;
  const report = checkRepository(repo, { langs: scope.langs, statements: scope.statements, kept });
  // A narrowed check leaves the other files' entries unused, not stale.
  if (!scope.langs && !scope.statements) kept?.prune();
  return adapt(report);
};

const CHECK_MODULE = 'check/index.ts';

/** Files whose errors block `slug` in `lang`: the translation, its UI strings, and the English source. */
function blocks(d: Diagnostic, slug: string, lang: string): boolean {
  return [`translations/${lang}/${slug}.md`, `translations/${lang}/ui.json`, `statements/${slug}.md`, 'translations/en/ui.json'].includes(d.file);
}

export function adapt(report: CheckReport): CheckOutcome {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  return {
    errorCount: report.errorCount,
    publishable: (slug, lang) => report.publishable(slug, lang),
    reasons(slug, lang) {
      const mine = errors.filter((d) => blocks(d, slug, lang)).map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
      if (mine.length > 0) return mine;
      const status = report.matrix.find((m) => m.slug === slug && m.lang === lang)?.status;
      return [status === 'missing' ? 'the translation is missing' : `the check marked it “${status ?? 'unknown'}”`];
    },
    format: (color) => (report.diagnostics.length > 0 ? formatHuman(report, { color }).trimEnd() : ''),
  };
}
