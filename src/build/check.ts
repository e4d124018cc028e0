/**
 * The build's view of src/check: which publications may be published, why the others may
 * not, and the report to print. Tests pass a checker of their own.
 */
import type { Repository } from '../content/repository.js';
import { checkRepository, formatHuman, prepareCheck, type CheckReport, type Diagnostic } from '../check/index.js';
import type { Cache } from './cache.js';

export interface CheckOutcome {
  errorCount: number;
  publishable(slug: string, lang: string): boolean;
  /** Plain sentences saying why `slug/lang` is not publishable (file:line:column: message). */
  reasons(slug: string, lang: string): string[];
  /** The check's report for a terminal (empty when there is nothing to say). */
  format(color: boolean): string;
}

export interface CheckScope {
  langs?: string[];
  statements?: string[];
  /** Where each file's diagnostics are kept between builds, under the code's version. */
  cache?: { cache: Cache; version: string };
}

export type Checker = (repo: Repository, scope: CheckScope) => Promise<CheckOutcome>;

export const realChecker: Checker = async (repo, scope) => {
  const langs = scope.langs ? repo.languages.filter((l) => scope.langs!.includes(l.tag) || l.source) : repo.languages;
  await prepareCheck(langs);
  const kept = scope.cache && {
    get: (key: string) => scope.cache!.cache.get<Diagnostic[]>(`check\0${scope.cache!.version}\0${key}`),
    set: (key: string, value: Diagnostic[]) => scope.cache!.cache.set(`check\0${scope.cache!.version}\0${key}`, value),
  };
  return adapt(checkRepository(repo, { langs: scope.langs, statements: scope.statements, kept }));
};

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
