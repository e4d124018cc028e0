/**
 * A block mostly in another script than the language's: a Latin paragraph in the Farsi file.
 * Names, acronyms and single foreign words inside a sentence (“PSL”, “Aufenthaltsgesetz”) are
 * normal and do not count: only a block whose letters are mostly foreign, with several
 * foreign words, is reported.
 */
import type { Rule } from '../types.js';
import type { Script } from '../../languages.js';
import { scriptOf, SCRIPT_NAMES, words } from '../text.js';

/** Words that may appear in any script without making a block foreign. */
export const ALLOWED_WORDS = new Set(['PSL', 'Post-Soviet', 'Left', 'Aufenthaltsgesetz', 'AufenthG', 'PDF']);

export function foreignShare(text: string, script: Script): { foreign: Script | undefined; share: number; words: number } {
  const counts: Partial<Record<Script, { letters: number; words: number }>> = {};
  let total = 0;
  for (const { word } of words(text)) {
    if (ALLOWED_WORDS.has(word) || /^\p{Lu}[\p{Lu}\d]+$/u.test(word)) continue; // acronyms
    const s = scriptOf(word[0]);
    if (!s) continue;
    const c = (counts[s] ??= { letters: 0, words: 0 });
    c.letters += word.length;
    c.words += 1;
    total += word.length;
  }
  let foreign: Script | undefined;
  for (const s of Object.keys(counts) as Script[]) {
    if (s !== script && (!foreign || counts[s]!.letters > counts[foreign]!.letters)) foreign = s;
  }
  if (!foreign || total === 0) return { foreign: undefined, share: 0, words: 0 };
  return { foreign, share: counts[foreign]!.letters / total, words: counts[foreign]!.words };
}

const FOREIGN: Record<Script, RegExp> = {
  Latn: /[\p{Script=Cyrillic}\p{Script=Arabic}]/u,
  Cyrl: /[\p{Script=Latin}\p{Script=Arabic}]/u,
  Arab: /[\p{Script=Latin}\p{Script=Cyrillic}]/u,
};

const rule: Rule = {
  id: 'wrong-script',
  severity: 'error',
  description: 'A paragraph written mostly in another alphabet than the language\'s, e.g. Latin letters in the Farsi file: probably not translated.',
  document(ctx) {
    const expected = ctx.lang.script;
    const foreignLetters = FOREIGN[expected];
    const check = (text: string, place: { line: number; column: number }, what: string) => {
      if (!foreignLetters.test(text)) return; // fast path: no letter of another script at all
      const { foreign, share, words: n } = foreignShare(text, expected);
      if (!foreign || share <= 0.5 || n < 3) return;
      ctx.report(place, `This ${what} is written in ${SCRIPT_NAMES[foreign]} letters, but ${ctx.lang.englishName} is written in ${SCRIPT_NAMES[expected]} script; it may not be translated.`,
        `Translate it into ${ctx.lang.englishName}. If it is a name or quotation that must stay as it is, add <!-- check-ignore wrong-script: reason --> on the line before.`);
    };
    for (const field of ctx.analysis.fields) check(field.value, field.place, field.key);
    for (const block of ctx.analysis.blocks) {
      if (block.leaf && block.node.type !== 'code') check(block.text, { line: block.line, column: block.column }, block.node.type === 'heading' ? 'heading' : 'paragraph');
    }
  },
};
export default rule;
