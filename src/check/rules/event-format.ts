/** An event needs a start and a time zone that a calendar can read, or readers get the wrong hour. */
import { readEvent } from '../../content/civic.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'event-format',
  severity: 'error',
  description: 'An `event:` has `start:` (YYYY-MM-DDTHH:MM, local time), `timezone:` (e.g. Europe/Berlin), and optionally `end:`, `place:` and `address:`.',
  source: true,
  document({ doc, report }) {
    for (const problem of readEvent(doc).problems) report(problem.place, problem.message, problem.fix);
  },
};
export default rule;
