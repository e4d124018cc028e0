/**
 * Every character can be drawn by the language's fonts. Otherwise the PDF or share image
 * shows an empty box (“tofu”) where the character should be.
 */
import type { Rule } from '../types.js';
import type { FontStyle } from '../../fonts.js';
import { chainNames, coverage, covers, needsGlyph } from '../coverage.js';
import { codePoint } from '../text.js';
import { flatten, keyPlaces } from '../json.js';

const STYLE_NAMES: Record<FontStyle, string> = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'bold italic' };

const asciiCache = new WeakMap<Set<number>, boolean>();

/** Whether a coverage set has all of printable ASCII (then ASCII needs no lookups). */
function hasAscii(set: Set<number>): boolean {
  let ok = asciiCache.get(set);
  if (ok === undefined) {
    ok = true;
    for (let cp = 0x20; cp < 0x7f; cp++) if (!set.has(cp)) ok = false;
    asciiCache.set(set, ok);
  }
  return ok;
}

const rule: Rule = {
  id: 'font-coverage',
  severity: 'error',
  description: 'A character that the language\'s fonts cannot draw; it would print as an empty box.',
  source: true,
  document(ctx) {
    for (const run of ctx.analysis.runs) {
      // Regular text and headings are checked in their own style; the front matter title in bold and regular.
      const styles: FontStyle[] = run.field === 'title' ? ['regular', 'bold'] : [run.style];
      const sets = styles.map((s) => coverage(ctx.lang, s));
      const text = run.text;
      const asciiOk = sets.every(hasAscii);
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        if (asciiOk && cp < 0x7f && cp >= 0x20) continue;
        const missing = needsGlyph(cp) ? sets.findIndex((set) => !set.has(cp)) : -1;
        if (missing === -1) continue;
        const style = styles[missing];
        const ch = String.fromCodePoint(cp);
        ctx.report(ctx.analysis.point(run.offset + i - (cp > 0xffff ? 1 : 0)),
          `The character “${ch}” (${codePoint(ch)}) is not in the ${ctx.lang.englishName} ${STYLE_NAMES[style]} fonts (${chainNames(ctx.lang, style)}); it would print as an empty box.`,
          'Replace it with a common character (e.g. a plain letter, dash or quotation mark of your language), or ask an organiser to add a font.');
      }
    }
  },
  ui({ ui, lang, report }) {
    if (!ui.resources) return;
    const places = keyPlaces(ui.text);
    for (const [key, value] of flatten(ui.resources)) {
      if (typeof value !== 'string') continue;
      for (const ch of value) {
        const cp = ch.codePointAt(0)!;
        if (!needsGlyph(cp) || (covers(lang, 'regular', cp) && covers(lang, 'bold', cp))) continue;
        report(places.get(key) ?? { line: 1, column: 1 },
          `The text “${key}” contains “${ch}” (${codePoint(ch)}), which the ${lang.englishName} fonts cannot draw; it would print as an empty box.`,
          'Replace it with a common character of your language.');
      }
    }
  },
};
export default rule;
