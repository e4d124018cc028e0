/**
 * Invisible characters that change how text is ordered or broken: bidi embeddings, overrides
 * and isolates, marks and the zero-width space. Our typesetter orders text itself; a stray one
 * (often pasted from a word processor) reorders words on the page. The zero-width non-joiner
 * (U+200C) of Persian is not among them.
 */
import type { Rule } from '../types.js';
import { codePoint } from '../text.js';
import { scan } from './util.js';

const NAMES: Record<string, string> = {
  '\u200B': 'ZERO WIDTH SPACE', '\u200E': 'LEFT-TO-RIGHT MARK', '\u200F': 'RIGHT-TO-LEFT MARK', '\u061C': 'ARABIC LETTER MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE', '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE', '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};
const INVISIBLE = new RegExp(`[${Object.keys(NAMES).join('')}]`, 'g');

const rule: Rule = {
  id: 'invisible-characters',
  severity: 'error',
  description: 'Invisible direction marks (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) or zero-width spaces (U+200B) are in the text.',
  source: true,
  document(ctx) {
    scan(ctx, INVISIBLE, (match, place) => {
      ctx.report(place, `An invisible character ${codePoint(match[0])} ${NAMES[match[0]]} is here; it can reorder or break the words around it.`,
        'Delete it: place the cursor right after the visible character before it and press Delete, or retype the word.');
    });
  },
};
export default rule;
