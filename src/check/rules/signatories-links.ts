/** A co-signer's link is the organisation's own address, the same in every language. */
import { readSignatories } from '../../content/civic.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'signatories-links',
  severity: 'error',
  description: 'Each signatory of a translation links to the same address as the English entry in the same place (or has no link where it has none).',
  document({ doc, source, report }) {
    const mine = readSignatories(doc).list;
    const theirs = readSignatories(source).list;
    if (!mine || !theirs) return;
    mine.forEach((signatory, i) => {
      const english = theirs[i];
      if (!english || (signatory.url ?? '') === (english.url ?? '')) return;
      report(signatory.place,
        english.url
          ? `Signatory ${i + 1} (${signatory.name}) links to ${signatory.url ?? 'nothing'}, but the English entry ${english.name} links to ${english.url}.`
          : `Signatory ${i + 1} (${signatory.name}) links to ${signatory.url}, but the English entry ${english.name} has no link.`,
        english.url ? `Write url: ${english.url} for this entry, and keep the entries in the English order.` : 'Remove the url: line of this entry, and keep the entries in the English order.');
    });
  },
};
export default rule;
