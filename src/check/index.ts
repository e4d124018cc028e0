/**
 * `npm run check`: are the translations complete and correct, told so translators can fix them.
 *
 *   await prepareCheck();                     // once per process: loads font coverage
 *   const report = checkRepository(loadRepository(root), { langs: ['fa'] });
 *   report.publishable('humanitarian-visas', 'fa');
 *   console.log(formatHuman(report, { color: true }));
 *
 * Rules live in ./rules (one module each, listed in ./rules/index.ts); this module runs them,
 * applies severities and `check-ignore` comments, and builds the statement × language matrix.
 */
import type { VFile } from 'vfile';
import type { Language } from '../languages.js';
import { findStatement, findUi, type Document, type Point, type Repository } from '../content/index.js';
import { analyse } from './analysis.js';
import { isPrepared } from './coverage.js';
import { RULES, defaultSeverities } from './rules/index.js';
import { isSuppressed, suppressions, type Suppression } from './suppress.js';
import { buildFiles } from './format.js';
import type { Report, Rule, Severity, SeveritySetting } from './types.js';

export { prepareCheck } from './coverage.js';
export { formatHuman, formatJson, githubAnnotations, githubSummary } from './format.js';
export { RULES, LOADER_RULES } from './rules/index.js';
export type { Rule, Severity, SeveritySetting } from './types.js';

export interface Diagnostic {
  /** Repo-relative path with forward slashes. */
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  fix?: string;
}

/**
 * `pending`: no translation file yet; the language is simply not published (not an error).
 * `draft`: `status: draft`, or not yet stamped after review; published with the draft notice.
 * `missing` is no longer produced (a missing file is `pending`); it stays in the type for code
 * that still compares with it.
 */
export type MatrixStatus = 'complete' | 'errors' | 'warnings' | 'stale' | 'draft' | 'pending' | 'missing';

export interface CheckReport {
  /** Sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  /** One VFile per file with messages (and its text, for code frames), sorted by path. */
  files: VFile[];
  matrix: Array<{ slug: string; lang: string; status: MatrixStatus }>;
  /** Whether the build may publish this statement in this language (no errors in it, its UI strings or its source). */
  publishable(slug: string, lang: string): boolean;
  /** Statement × language pairs without a translation file yet, in matrix order. */
  pending: Array<{ slug: string; lang: string; file: string }>;
  errorCount: number;
  warningCount: number;
}

export interface CheckOptions {
  /** Limit to these language tags (the English source is checked only when `en` is listed). */
  langs?: string[];
  /** Limit to these statement slugs. */
  statements?: string[];
  /** Per rule id: a different severity, or 'off'. */
  severity?: Record<string, SeveritySetting>;
  /**
   * Each document's diagnostics kept between runs (the build keeps them in its cache), under
   * a key naming everything they depend on but the checker's code and fonts, which the keeper
   * must tell apart itself.
   */
  kept?: KeptDiagnostics;
}

export interface KeptDiagnostics {
  get(key: string): Diagnostic[] | undefined;
  set(key: string, diagnostics: Diagnostic[]): void;
}

/** Synchronous; throws only for programming mistakes (prepareCheck not awaited). */
export function checkRepository(repo: Repository, options: CheckOptions = {}): CheckReport {
  const langs = options.langs ? repo.languages.filter((l) => options.langs!.includes(l.tag)) : repo.languages;
  if (!isPrepared([...langs, ...repo.languages.filter((l) => l.source)])) throw new Error('checkRepository() needs `await prepareCheck()` first (it loads the fonts for the coverage rule).');
  const wants = (slug: string) => !options.statements || options.statements.includes(slug);
  const severities: Record<string, SeveritySetting> = { ...defaultSeverities(), ...options.severity };
  const found: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const add = (d: Diagnostic) => found.push(d);
  const active = (rule: Rule) => severities[rule.id] !== 'off';

  collectLoaderMessages(repo, langs, wants, severities, add, texts);

  for (const rule of RULES.filter((r) => r.repository && active(r))) {
    const severity = severities[rule.id] as Severity;
    rule.repository!({
      repo, langs, wants,
      slugs: repo.statements.map((s) => s.slug).filter(wants),
      reportAt: (file, place, message, fix) => add(diagnostic(file, place, rule.id, severity, message, fix)),
    });
  }

  const english = findUi(repo, 'en');
  for (const ui of repo.ui.filter((u) => langs.includes(u.lang))) {
    texts.set(ui.path, ui.text);
    for (const rule of RULES.filter((r) => r.ui && active(r))) {
      const severity = severities[rule.id] as Severity;
      rule.ui!({ ui, english: english?.resources ? english : undefined, lang: ui.lang, report: reporter(ui.path, rule.id, severity, add) });
    }
  }

  const translations = new Map(repo.translations.map((d) => [`${d.slug}\u0000${d.lang.tag}`, d]));
  for (const source of repo.statements.filter((s) => wants(s.slug))) {
    const targets: Array<{ doc: Document; lang: Language }> = [];
    // The English text is always checked: an error in it blocks every language.
    targets.push({ doc: source, lang: source.lang });
    for (const lang of langs) {
      const doc = lang.source ? undefined : translations.get(`${source.slug}\u0000${lang.tag}`);
      if (doc) targets.push({ doc, lang });
    }
    for (const { doc, lang } of targets) {
      texts.set(doc.path, doc.text);
      const key = options.kept && documentKey(doc, source, lang, severities);
      const kept = key ? options.kept!.get(key) : undefined;
      if (Array.isArray(kept)) {
        kept.forEach(add);
        continue;
      }
      const mine: Diagnostic[] = [];
      checkDocument(doc, source, lang, severities, (d) => mine.push(d));
      mine.forEach(add);
      if (key) options.kept!.set(key, mine);
    }
  }

  const diagnostics = found.sort(compareDiagnostics);
  const matrix = buildMatrix(repo, langs, wants, diagnostics);
  const status = new Map(matrix.map((m) => [`${m.slug}\u0000${m.lang}`, m.status]));
  return {
    diagnostics,
    files: buildFiles(diagnostics, texts),
    matrix,
    publishable: (slug, lang) => {
      const s = status.get(`${slug}\u0000${lang}`);
      return s !== undefined && s !== 'errors' && s !== 'pending' && s !== 'missing';
    },
    pending: matrix.filter((m) => m.status === 'pending').map((m) => ({ slug: m.slug, lang: m.lang, file: `translations/${m.lang}/${m.slug}.md` })),
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/**
 * What a document's diagnostics depend on: its path and text, the English text, the language
 * and the severities. Document rules read nothing else (the repository-wide rules run apart).
 */
function documentKey(doc: Document, source: Document, lang: Language, severities: Record<string, SeveritySetting>): string {
  return JSON.stringify([doc.path, lang.tag, doc === source, severities, doc.text, source.text]);
}

function checkDocument(doc: Document, source: Document, lang: Language,
  severities: Record<string, SeveritySetting>, add: (d: Diagnostic) => void): void {
  const isSource = doc === source;
  const ignored: Suppression[] = suppressions(doc.tree);
  const analysis = analyse(doc);
  for (const rule of RULES) {
    if (!rule.document || severities[rule.id] === 'off' || (isSource && !rule.source)) continue;
    const severity = severities[rule.id] as Severity;
    const report = reporter(doc.path, rule.id, severity, (d) => {
      if (!isSuppressed(ignored, d.rule, d.line)) add(d);
    });
    rule.document({ doc, source, lang, isSource, analysis, report });
  }
}

function reporter(file: string, rule: string, severity: Severity, add: (d: Diagnostic) => void): Report {
  return (place, message, fix) => add(diagnostic(file, place, rule, severity, message, fix));
}

function diagnostic(file: string, place: Point, rule: string, severity: Severity, message: string, fix?: string): Diagnostic {
  const d: Diagnostic = { file, line: place.line, column: place.column, rule, severity, message };
  if (fix) d.fix = fix;
  return d;
}

/** The loader's messages (broken YAML, invalid UTF-8, unknown folders …) as diagnostics. */
function collectLoaderMessages(repo: Repository, langs: Language[], wants: (slug: string) => boolean,
  severities: Record<string, SeveritySetting>, add: (d: Diagnostic) => void, texts: Map<string, string>): void {
  const inScope = (path: string) => {
    const t = /^translations\/([^/]+)(?:\/(.+?)(?:\.md)?)?$/.exec(path);
    if (t) {
      const lang = repo.languages.find((l) => l.tag === t[1]);
      if (!lang) return langs.length === repo.languages.length; // unknown folder: only in a full run
      return langs.includes(lang) && (!t[2] || t[2] === 'ui.json' || wants(t[2]) || !findStatement(repo, t[2]));
    }
    const s = /^statements\/(.+?)(?:\.md)?$/.exec(path);
    return !s || wants(s[1]);
  };
  const files = [...repo.problems, ...repo.statements.map((d) => d.file), ...repo.translations.map((d) => d.file), ...repo.ui.map((u) => u.file)];
  for (const file of files) {
    const path = file.path;
    if (!inScope(path)) continue;
    if (typeof file.value === 'string') texts.set(path, file.value);
    for (const message of file.messages) {
      const rule = message.ruleId ?? 'content';
      const setting = severities[rule] ?? 'error';
      if (setting === 'off') continue;
      add(diagnostic(path, { line: message.line ?? 1, column: message.column ?? 1 }, rule, setting, message.reason, message.note ?? undefined));
    }
  }
}

function buildMatrix(repo: Repository, langs: Language[], wants: (slug: string) => boolean, diagnostics: Diagnostic[]): CheckReport['matrix'] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file)!.push(d);
  }
  const of = (path: string) => byFile.get(path) ?? [];
  const translations = new Map(repo.translations.map((d) => [d.path, d]));
  const problems = new Set(repo.problems.map((p) => p.path));
  const matrix: CheckReport['matrix'] = [];
  for (const source of repo.statements.filter((s) => wants(s.slug))) {
    const sourceErrors = of(source.path).some((d) => d.severity === 'error');
    for (const lang of langs) {
      const path = lang.source ? source.path : `translations/${lang.tag}/${source.slug}.md`;
      const doc = lang.source ? source : translations.get(path);
      const unreadable = problems.has(path);
      const own = [...of(path), ...of(`translations/${lang.tag}/ui.json`)].filter((d) => d.severity !== 'info');
      let status: MatrixStatus;
      if (!doc && !unreadable) status = 'pending';
      else if (unreadable || sourceErrors || own.some((d) => d.severity === 'error')) status = 'errors';
      else if (own.some((d) => d.rule === 'stale-translation')) status = 'stale';
      else if (doc!.data.status === 'draft' || own.some((d) => d.rule === 'not-reviewed')) status = 'draft';
      else if (own.length > 0) status = 'warnings';
      else status = 'complete';
      matrix.push({ slug: source.slug, lang: lang.tag, status });
    }
  }
  return matrix;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1
    : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
