/**
 * A Latin letter that looks like a Cyrillic one inside a Cyrillic word (or the reverse): the
 * word looks right but is misspelt for search, hyphenation and screen readers.
 */
import type { Rule } from '../types.js';
import { codePoint, scriptOf } from '../text.js';
import { prose } from './util.js';

/** Latin letters and their Cyrillic twins. */
const LATIN_TWINS: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і', y: 'у', j: 'ј', s: 'ѕ',
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', I: 'І', Y: 'У',
};
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const CYRILLIC_TWINS: Record<string, string> = Object.fromEntries(Object.entries(LATIN_TWINS).map(([l, c]) => [c, l]));

const rule: Rule = {
  id: 'homoglyph',
  severity: 'error',
  description: 'A Latin letter that looks Cyrillic (a, e, o, p, c, x, i, y …) inside a Cyrillic word, or a Cyrillic one inside a Latin word.',
  source: true,
  document(ctx) {
    for (const run of prose(ctx)) {
      if (!LATIN.test(run.text) || !CYRILLIC.test(run.text)) continue; // no word can mix scripts
      // Words split at hyphens and apostrophes: “PSL-активисты” is two words, each in one script.
      for (const { 0: word, index } of run.text.matchAll(/[\p{L}\p{M}]+/gu)) {
        const scripts = new Map<string, number>();
        for (const ch of word) {
          const s = scriptOf(ch);
          if (s) scripts.set(s, (scripts.get(s) ?? 0) + 1);
        }
        if (!scripts.has('Latn') || !scripts.has('Cyrl')) continue;
        // The word's script is its majority; twins of the other script inside it are the mistake.
        const main = (scripts.get('Cyrl') ?? 0) >= (scripts.get('Latn') ?? 0) ? 'Cyrl' : 'Latn';
        let offset = 0;
        for (const ch of word) {
          const twin = main === 'Cyrl' ? LATIN_TWINS[ch] : CYRILLIC_TWINS[ch];
          if (twin && scriptOf(ch) !== main) {
            const [is, should] = main === 'Cyrl' ? ['Latin', 'Cyrillic'] : ['Cyrillic', 'Latin'];
            ctx.report(ctx.analysis.point(run.offset + index + offset),
              `The word “${word}” contains the ${is} letter “${ch}” (${codePoint(ch)}), which only looks like the ${should} “${twin}”.`,
              `Retype the letter with the ${should} keyboard layout.`);
          }
          offset += ch.length;
        }
      }
    }
  },
};
export default rule;
