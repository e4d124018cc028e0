/** Co-signers are names, each with at most a web link: anything else would not reach the page safely. */
import { readSignatories } from '../../content/civic.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'signatories-format',
  severity: 'error',
  description: 'Each entry of `signatories:` is an organisation’s name, or `name:` with an optional `url:` that starts with https://.',
  source: true,
  document({ doc, report }) {
    for (const problem of readSignatories(doc).problems) report(problem.place, problem.message, problem.fix);
  },
};
export default rule;
