/** A translation that names co-signers names all of the English text's, no more. */
import { readSignatories } from '../../content/civic.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'signatories-count',
  severity: 'error',
  description: 'A translation’s `signatories:` list has as many entries as the English one (or is left out, to use the English names).',
  document({ doc, source, report }) {
    const mine = readSignatories(doc).list;
    if (!mine) return;
    const theirs = readSignatories(source).list ?? [];
    if (mine.length === theirs.length) return;
    const place = doc.fieldPlaces.signatories ?? doc.frontMatterPlace;
    if (theirs.length === 0) {
      report(place, `This translation lists ${mine.length} signatories, but the English text has none.`, 'Remove the signatories: field from the translation.');
      return;
    }
    const names = theirs.map((s) => s.name).join('; ');
    report(place, mine.length < theirs.length
      ? `This translation lists ${mine.length} signatories, the English text ${theirs.length}: ${theirs.length - mine.length} missing.`
      : `This translation lists ${mine.length} signatories, the English text only ${theirs.length}: ${mine.length - theirs.length} too many.`,
    `Translate exactly the English list, in its order (${names}), or remove the field to show the English names.`);
  },
};
export default rule;
