/** A heading, list item, quotation block or table cell with nothing in it. */
import type { Rule } from '../types.js';
import { describeBlock, plain } from '../analysis.js';

const rule: Rule = {
  id: 'empty-block',
  severity: 'error',
  description: 'A heading, list item or quotation block has no text.',
  source: true,
  document(ctx) {
    for (const block of ctx.analysis.blocks) {
      const type = block.node.type;
      if (!['heading', 'paragraph', 'listItem', 'blockquote'].includes(type)) continue;
      if (plain(block.node).replace(/[\u00A0\u200B-\u200F]/g, '').trim()) continue;
      const hasImage = JSON.stringify(block.node).includes('"type":"image"');
      if (hasImage) continue;
      ctx.report({ line: block.line, column: block.column }, `This is ${describeBlock(block.node)} without any text.`,
        'Write the translated text here, or remove the empty mark (#, -, >) if the English text has none.');
    }
  },
};
export default rule;
