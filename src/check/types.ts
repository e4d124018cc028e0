/**
 * The shapes shared by the checker and its rules.
 *
 * A rule is a small module (like a remark-lint rule): an id, a default severity, a one-line
 * description for TRANSLATING.md, and one or more hooks. Each hook receives a context that
 * knows the file being checked and offers `report(place, message, fix)`. Rules never decide
 * severities or suppression themselves; `checkRepository` does that for all of them.
 */
import type { Language } from '../languages.js';
import type { Document, Repository, UiStrings, Point } from '../content/index.js';
import type { Analysis } from './analysis.js';

/** `info` is news, not a problem: e.g. a translation that does not exist yet (pending). */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Reports one problem: where, in one plain sentence, and how to fix it when that is known. */
export type Report = (place: Point, message: string, fix?: string) => void;

export interface DocumentContext {
  /** The file being checked: a translation, or the English statement itself. */
  doc: Document;
  /** The English statement (the same object as `doc` when checking the source). */
  source: Document;
  lang: Language;
  isSource: boolean;
  /** Parsed views of `doc` (blocks, text runs, alignment with the source), computed once. */
  analysis: Analysis;
  report: Report;
  // No repository: a document's diagnostics are kept between runs by its text and the
  // English text (see documentKey in ../index.ts). Rules across files are repository rules.
}

export interface UiContext {
  ui: UiStrings;
  /** translations/en/ui.json, the reference; undefined when it is missing or broken. */
  english?: UiStrings;
  lang: Language;
  report: Report;
}

export interface RepositoryContext {
  repo: Repository;
  /** Statement slugs and language tags the run is limited to. */
  slugs: string[];
  langs: Language[];
  /** Whether the run includes this statement slug (true for all without --statement). */
  wants: (slug: string) => boolean;
  /** Reports on a file that may not exist yet (e.g. a missing translation). */
  reportAt: (file: string, place: Point, message: string, fix?: string) => void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule checks, in one sentence, for TRANSLATING.md and `--help`. */
  description: string;
  /** Also run `document` on the English statements (rules about the file itself, not about translating). */
  source?: boolean;
  document?(ctx: DocumentContext): void;
  ui?(ctx: UiContext): void;
  repository?(ctx: RepositoryContext): void;
}
