/** Windows line endings (CRLF). The check reads them fine, but diffs show every line as changed. */
import type { Rule } from '../types.js';

const MESSAGE = 'This file uses Windows line endings (CRLF); the check reads it, but reviewers would see every line as changed.';
const FIX = 'Set your editor to save with “LF” (Unix) line endings, or run `git config core.autocrlf input` once.';

const rule: Rule = {
  id: 'line-endings',
  severity: 'warning',
  description: 'The file uses Windows line endings (CRLF) instead of LF.',
  source: true,
  document({ doc, report }) {
    if (doc.file.data.hadCrlf) report({ line: 1, column: 1 }, MESSAGE, FIX);
  },
  ui({ ui, report }) {
    if (ui.file.data.hadCrlf) report({ line: 1, column: 1 }, MESSAGE, FIX);
  },
};
export default rule;
