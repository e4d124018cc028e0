/** A translation's event happens when the English one does: only its place and address are translated. */
import { readEvent } from '../../content/civic.js';
import type { Rule } from '../types.js';

const FIELDS = [['start', 'start'], ['end', 'end'], ['timeZone', 'timezone']] as const;

const rule: Rule = {
  id: 'event-match',
  severity: 'error',
  description: 'A translation’s `event:` has the same start, end and timezone as the English one; place: and address: may be translated.',
  document({ doc, source, report }) {
    if (doc.data.event === undefined || doc.data.event === null) return;
    const mine = readEvent(doc).event;
    const theirs = readEvent(source).event;
    const place = doc.fieldPlaces.event ?? doc.frontMatterPlace;
    if (!theirs) {
      if (source.data.event === undefined) report(place, 'This translation has an event, but the English text has none.', 'Remove the event: field from the translation.');
      return;
    }
    if (!mine) return;
    for (const [key, field] of FIELDS) {
      if ((mine[key] ?? '') === (theirs[key] ?? '')) continue;
      report(mine.places[field] ?? place,
        `The event’s ${field} is ${mine[key] ?? 'missing'} here but ${theirs[key] ?? 'not given'} in the English text; the time of an event is not translated.`,
        theirs[key] ? `Write ${field}: ${theirs[key]}, as in the English text.` : `Remove the ${field}: line, as in the English text.`);
    }
  },
};
export default rule;
