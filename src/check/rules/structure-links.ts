/** The same link targets and images as the English text. */
import type { Nodes } from 'mdast';
import type { Rule } from '../types.js';
import { placeForSourceLine, sourceLine } from './util.js';

interface Target { url: string; image: boolean; line: number; column: number }

function targets(tree: Nodes): Target[] {
  const found: Target[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image') {
      found.push({ url: node.url, image: node.type === 'image', line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return found;
}

const rule: Rule = {
  id: 'structure-links',
  severity: 'error',
  description: 'Links and images must point to the same addresses as in the English text.',
  document(ctx) {
    const want = targets(ctx.source.tree);
    const have = targets(ctx.doc.tree);
    const unmatched = [...have];
    for (const w of want) {
      const i = unmatched.findIndex((h) => h.url === w.url && h.image === w.image);
      if (i !== -1) { unmatched.splice(i, 1); continue; }
      const what = w.image ? 'image' : 'link';
      ctx.report(placeForSourceLine(ctx, w.line), `The English text has a ${what} to ${w.url} (${sourceLine(ctx, w.line)}) that this translation lacks.`,
        `Keep the ${what} with the same address: ${w.image ? '![description](' : '[translated words]('}${w.url}).`);
    }
    for (const h of unmatched) {
      ctx.report({ line: h.line, column: h.column }, `This ${h.image ? 'image' : 'link'} goes to ${h.url}, which the English text does not link to.`,
        'Use exactly the addresses of the English text; change only the words of the link.');
    }
  },
};

export default rule;
