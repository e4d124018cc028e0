/** Notes a translator left for later. */
import type { Rule } from '../types.js';
import { isComment } from '../analysis.js';
import { scan } from './util.js';

const MARKER = /(?<![\p{L}\d])(TODO|FIXME|XXX|TBD)(?![\p{L}\d])/gu;

const rule: Rule = {
  id: 'todo-marker',
  severity: 'error',
  description: 'A TODO, FIXME, XXX or TBD marker is left in the text: the translation is not finished.',
  source: true,
  document(ctx) {
    const message = (m: string) => `The marker “${m}” shows that this part is not finished.`;
    const fix = 'Finish the text here and remove the marker.';
    scan(ctx, MARKER, (match, place) => ctx.report(place, message(match[1]), fix));
    for (const block of ctx.analysis.blocks) {
      // Markers in HTML comments (<!-- TODO … -->) count too, except suppression comments.
      const node = block.node;
      if (node.type !== 'html') continue;
      for (const m of node.value.matchAll(MARKER)) ctx.report({ line: block.line, column: block.column + m.index! }, message(m[1]), fix);
    }
    ctx.doc.tree.children.forEach((node) => {
      if (!isComment(node) || /check-ignore/.test((node as { value: string }).value)) return;
      const value = (node as { value: string }).value;
      for (const m of value.matchAll(MARKER)) {
        ctx.report(ctx.analysis.point(node.position!.start.offset! + m.index!), message(m[1]), fix);
      }
    });
  },
};
export default rule;
