/**
 * The translation has the same blocks as the English text, in the same order: headings of the
 * same level, paragraphs, lists with as many items, quotation blocks, tables, code.
 */
import type { Rule, DocumentContext } from '../types.js';
import { alignment, analyse, describeBlock, type Alignment, type Block } from '../analysis.js';
import { sourceLine } from './util.js';

const rule: Rule = {
  id: 'structure-blocks',
  severity: 'error',
  description: 'The translation must have the same headings, paragraphs, lists, list items and quotation blocks as the English text, in the same order.',
  document(ctx) {
    const s = analyse(ctx.source).blocks;
    const t = ctx.analysis.blocks;
    const steps = alignment(ctx.source, ctx.doc);
    // Walk runs of unmatched blocks between two matched ones; pair them up where both sides differ.
    let k = 0;
    while (k < steps.length) {
      if (steps[k].source !== undefined && steps[k].translation !== undefined) { k++; continue; }
      const run: Alignment[] = [];
      while (k < steps.length && !(steps[k].source !== undefined && steps[k].translation !== undefined)) run.push(steps[k++]);
      const lacking = run.filter((a) => a.source !== undefined).map((a) => s[a.source!]);
      const extra = run.filter((a) => a.translation !== undefined).map((a) => t[a.translation!]);
      reportRun(ctx, lacking, extra, nextPlace(steps, k, t, ctx));
    }
  },
};

/** Where a missing block would go: the next matched translation block, or the end of the file. */
function nextPlace(steps: Alignment[], k: number, t: Block[], ctx: DocumentContext) {
  for (let i = k; i < steps.length; i++) if (steps[i].translation !== undefined) return { line: t[steps[i].translation!].line, column: 1 };
  const end = ctx.doc.tree.position?.end;
  return { line: end?.line ?? 1, column: 1 };
}

function reportRun(ctx: DocumentContext, lacking: Block[], extra: Block[], next: { line: number; column: number }) {
  const pairs = Math.min(lacking.length, extra.length);
  for (let i = 0; i < pairs; i++) {
    const want = lacking[i];
    const have = extra[i];
    ctx.report({ line: have.line, column: have.column },
      `This is ${describeBlock(have.node)}, but the English text has ${describeBlock(want.node)} here (${sourceLine(ctx, want.line)}).`,
      `Make it ${describeBlock(want.node)} like in the English text, e.g. by copying its Markdown marks (#, -, 1., >) from ${sourceLine(ctx, want.line)}.`);
  }
  for (const want of lacking.slice(pairs)) {
    ctx.report(next, `The English text has ${describeBlock(want.node)} here (${sourceLine(ctx, want.line)}) that this translation lacks.`,
      `Translate ${describeBlock(want.node)} from ${sourceLine(ctx, want.line)} and put it here; separate paragraphs with an empty line.`);
  }
  for (const have of extra.slice(pairs)) {
    ctx.report({ line: have.line, column: have.column },
      `This translation has ${describeBlock(have.node)} here that the English text does not have.`,
      'Remove it or join it with its neighbour: paragraphs must match the English text one for one (an empty line starts a new paragraph).');
  }
}
export default rule;
