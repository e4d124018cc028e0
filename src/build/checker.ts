/**
 * What the build needs from the checker: which publications may be published, why the
 * others may not, and the report to print. `realChecker` adapts src/check; tests pass
 * their own.
 */
import type { Repository } from '../content/repository.js';

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
  /**
   * Where in the build's cache the checker may keep results between builds, and the version
   * of the fonts (the coverage rule checks against them), which the build has worked out.
   */
  keep?: { dir: string; fonts: string };
}

export type Checker = (repo: Repository, scope: CheckScope) => Promise<CheckOutcome>;
