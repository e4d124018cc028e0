/**
 * The four ways to print a check report: for people (vfile-reporter with code frames and the
 * statement × language matrix), as JSON for tools, and as GitHub Actions annotations plus a
 * Markdown summary for the pull request page.
 */
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { CheckReport, Diagnostic, MatrixStatus } from './index.js';

/** VFiles carrying the diagnostics as messages; the fix and a code frame go into each note. */
export function buildFiles(diagnostics: Diagnostic[], texts: Map<string, string>): VFile[] {
  const files = new Map<string, VFile>();
  for (const d of diagnostics) {
    let file = files.get(d.file);
    if (!file) {
      file = new VFile({ path: d.file, value: texts.get(d.file) });
      files.set(d.file, file);
    }
    const message = file.message(d.message, { place: { line: d.line, column: d.column }, ruleId: d.rule });
    // vfile: fatal true is an error, false a warning, undefined an info message.
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
    const frame = codeFrame(texts.get(d.file), d.line, d.column);
    const note = [d.fix ? `Fix: ${d.fix}` : '', frame].filter(Boolean).join('\n');
    if (note) message.note = note;
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The line with a caret under the column, like a compiler shows it; long lines are cut around the column. */
export function codeFrame(text: string | undefined, line: number, column: number): string {
  if (text === undefined) return '';
  const content = text.split('\n')[line - 1];
  if (content === undefined) return '';
  // Count code points, so the caret sits under the right character in a terminal.
  const chars = [...content];
  const at = [...content.slice(0, Math.max(0, column - 1))].length;
  const start = Math.max(0, Math.min(at - 60, chars.length - 120));
  const end = Math.min(chars.length, start + 120);
  const shown = `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
  const caret = at - start + (start > 0 ? 1 : 0);
  const gutter = `${line} | `;
  return `${gutter}${shown}\n${' '.repeat(gutter.length - 2)}| ${' '.repeat(caret)}^`;
}

const STATUS_TEXT: Record<MatrixStatus, string> = {
  complete: 'complete', errors: 'ERRORS', warnings: 'warnings', stale: 'stale', draft: 'draft', pending: 'pending', missing: 'MISSING',
};
const STATUS_COLOUR: Record<MatrixStatus, string> = {
  complete: '\x1b[32m', errors: '\x1b[31m', warnings: '\x1b[33m', stale: '\x1b[33m', draft: '\x1b[36m', pending: '\x1b[2m', missing: '\x1b[31m',
};

export function formatHuman(report: CheckReport, options: { color: boolean }): string {
  const withMessages = report.files.filter((f) => f.messages.length > 0);
  const parts: string[] = [];
  if (withMessages.length) parts.push(reporter(withMessages, { color: options.color, verbose: true, quiet: true }));
  parts.push(matrixTable(report, options.color));
  const summary = report.errorCount === 0 && report.warningCount === 0
    ? 'No problems found.'
    : `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}. See TRANSLATING.md for what each rule means.`;
  parts.push(summary);
  const pending = pendingLine(report);
  if (pending) parts.push(pending);
  return `${parts.join('\n\n')}\n`;
}

/** Which languages wait for a translation (not an error: they are published once the file exists). */
function pendingLine(report: CheckReport): string {
  if (report.pending.length === 0) return '';
  const slugs = [...new Set(report.pending.map((p) => p.slug))];
  const each = slugs.map((slug) => `${slug}: ${report.pending.filter((p) => p.slug === slug).map((p) => p.lang).join(', ')}`);
  return `Pending (no translation yet, not published): ${each.join('; ')}.`;
}

function matrixTable(report: CheckReport, color: boolean): string {
  const slugs = [...new Set(report.matrix.map((m) => m.slug))];
  const langs = [...new Set(report.matrix.map((m) => m.lang))];
  if (!slugs.length) return 'No statements checked.';
  const width = Math.max(9, ...slugs.map((s) => s.length));
  const cell = 9;
  const rows = [[''.padEnd(width), ...langs.map((l) => l.padEnd(cell))].join(' ')];
  for (const slug of slugs) {
    const cells = langs.map((lang) => {
      const status = report.matrix.find((m) => m.slug === slug && m.lang === lang)?.status ?? 'pending';
      const text = STATUS_TEXT[status].padEnd(cell);
      return color ? `${STATUS_COLOUR[status]}${text}\x1b[0m` : text;
    });
    rows.push([slug.padEnd(width), ...cells].join(' '));
  }
  return rows.map((r) => r.trimEnd()).join('\n');
}

/** `--format json`: exactly a JSON array of diagnostics, nothing else. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report.diagnostics.map((d) => ({
    file: d.file, line: d.line, column: d.column, rule: d.rule, severity: d.severity, message: d.message, ...(d.fix ? { fix: d.fix } : {}),
  })), null, 2)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one `::error` or `::warning` line per diagnostic. */
export function githubAnnotations(report: CheckReport): string {
  return report.diagnostics.map((d) => {
    const text = d.fix ? `${d.message} Fix: ${d.fix}` : d.message;
    const command = d.severity === 'info' ? 'notice' : d.severity;
    return `::${command} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${escapeData(text)}\n`;
  }).join('');
}

const SUMMARY_MARK: Record<MatrixStatus, string> = {
  complete: '✅ complete', errors: '❌ errors', warnings: '⚠️ warnings', stale: '🕒 stale', draft: '📝 draft', pending: '⏳ pending', missing: '➖ missing',
};

function cellText(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown for $GITHUB_STEP_SUMMARY: counts, the matrix, and the errors. */
export function githubSummary(report: CheckReport): string {
  const slugs = [...new Set(report.matrix.map((m) => m.slug))];
  const langs = [...new Set(report.matrix.map((m) => m.lang))];
  const lines = ['## Translation check', '', `${report.errorCount} error(s), ${report.warningCount} warning(s).`, ''];
  if (slugs.length) {
    lines.push(`| Statement | ${langs.join(' | ')} |`, `|---|${langs.map(() => '---').join('|')}|`);
    for (const slug of slugs) {
      const cells = langs.map((lang) => SUMMARY_MARK[report.matrix.find((m) => m.slug === slug && m.lang === lang)?.status ?? 'pending']);
      lines.push(`| ${slug} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (report.pending.length) {
    lines.push('### Pending (no translation yet, not published)', '');
    for (const p of report.pending) lines.push(`- ${cellText(p.slug)} · ${cellText(p.lang)}: \`${cellText(p.file)}\` does not exist yet`);
    lines.push('');
  }
  const shown = report.diagnostics.filter((d) => d.severity !== 'info').slice(0, 200);
  if (shown.length) {
    lines.push('| File | Line | Rule | Problem |', '|---|---|---|---|');
    for (const d of shown) {
      lines.push(`| ${cellText(d.file)} | ${d.line}:${d.column} | ${d.severity === 'error' ? '❌' : '⚠️'} ${d.rule} | ${cellText(d.message)} |`);
    }
    const problems = report.diagnostics.filter((d) => d.severity !== 'info').length;
    if (problems > shown.length) lines.push('', `… and ${problems - shown.length} more; run \`npm run check\` locally.`);
  }
  return `${lines.join('\n')}\n`;
}
