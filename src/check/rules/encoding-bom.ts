/** A byte order mark at the start of the file (some Windows editors add it). */
import type { Rule } from '../types.js';

export const BOM_MESSAGE = 'This file starts with an invisible byte order mark (BOM); the check ignores it, but other tools may not.';
export const BOM_FIX = 'Save the file as “UTF-8” rather than “UTF-8 with BOM” in your editor.';

const rule: Rule = {
  id: 'encoding-bom',
  severity: 'warning',
  description: 'The file starts with an invisible byte order mark (saved as “UTF-8 with BOM”).',
  source: true,
  document({ doc, report }) {
    if (doc.file.data.hadBom) report({ line: 1, column: 1 }, BOM_MESSAGE, BOM_FIX);
  },
  ui({ ui, report }) {
    if (ui.file.data.hadBom) report({ line: 1, column: 1 }, BOM_MESSAGE, BOM_FIX);
  },
};
export default rule;
