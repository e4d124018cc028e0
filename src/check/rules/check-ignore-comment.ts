/**
 * A `<!-- check-ignore … -->` comment that cannot work: it names no known rule (a typo would
 * silently silence nothing), gives no reason, or has no block after it.
 */
import type { Nodes, Parents } from 'mdast';
import type { Rule } from '../types.js';
import { defaultSeverities } from './index.js';

const COMMENT = /^<!--\s*check-ignore\b([\s\S]*?)-->\s*$/;

const rule: Rule = {
  id: 'check-ignore-comment',
  severity: 'warning',
  description: 'A `<!-- check-ignore rule-id: reason -->` comment names an unknown rule, gives no reason, or has no block after it.',
  source: true,
  document(ctx) {
    const known = defaultSeverities();
    const visit = (parent: Parents) => {
      const children = parent.children as Nodes[];
      children.forEach((node, i) => {
        if ('children' in node) visit(node as Parents);
        if (node.type !== 'html' || !node.position) return;
        const match = COMMENT.exec(node.value.trim());
        if (!match) return;
        const place = { line: node.position.start.line, column: node.position.start.column };
        const [ids, ...reason] = match[1].split(':');
        const unknown = ids.split(',').map((s) => s.trim()).filter((id) => !(id in known));
        if (!ids.trim() || unknown.length) {
          ctx.report(place, ids.trim() ? `The check-ignore comment names ${unknown.map((u) => `“${u}”`).join(', ')}, which is not a rule of the check.`
            : 'The check-ignore comment names no rule.', 'Write the rule id exactly as the check prints it, e.g. <!-- check-ignore wrong-script: reason -->.');
        } else if (!reason.join(':').trim()) {
          ctx.report(place, 'The check-ignore comment gives no reason.', 'Add why the rule is wrong here after a colon, e.g. <!-- check-ignore wrong-script: English slogan quoted on purpose -->.');
        }
        if (!children[i + 1]) ctx.report(place, 'The check-ignore comment has no block after it, so it silences nothing.', 'Put it on the line right before the paragraph, heading or list it is about.');
      });
    };
    visit(ctx.doc.tree);
  },
};
export default rule;
