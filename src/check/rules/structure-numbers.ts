/**
 * Every number of an English paragraph appears in the translated paragraph, and no other.
 * Digits and separators are normalised first (see ../numbers.ts): 3,000 = 3.000 = 3 000 =
 * ۳٬۰۰۰ = ٣٬٠٠٠, and ۲۲ = 22.
 */
import type { Point } from '../../content/index.js';
import type { DocumentContext, Rule } from '../types.js';
import { analyse, leafPairs, type Analysis } from '../analysis.js';
import { findNumbers } from '../numbers.js';
import { fieldPlace, sourceLine } from './util.js';

interface Found { value: string; text: string; place: Point }

function numbersOf(analysis: Analysis, where: { block?: number; field?: string }): Found[] {
  const found: Found[] = [];
  const runs = where.field !== undefined ? analysis.runs.filter((r) => r.field === where.field) : analysis.runsOf(where.block!);
  for (const run of runs) {
    if (run.code || run.url) continue;
    for (const n of findNumbers(run.text)) found.push({ value: n.value, text: n.text, place: analysis.point(run.offset + n.index) });
  }
  return found;
}

function compare(ctx: DocumentContext, want: Found[], have: Found[], start: Point, line: number, what: string) {
  const left = [...have];
  for (const w of want) {
    const i = left.findIndex((h) => h.value === w.value);
    if (i !== -1) { left.splice(i, 1); continue; }
    ctx.report(start, `The number ${w.text} of the English ${what} (${sourceLine(ctx, line)}) is missing here.`,
      'Write the same number; your language\'s digits and thousands separators are fine (3,000 = 3.000 = ۳٬۰۰۰).');
  }
  for (const h of left) {
    ctx.report(h.place, `The number ${h.text} is not in the English ${what} (${sourceLine(ctx, line)}).`,
      'Check the number against the English text; if the English writes it in words, write it in words too.');
  }
}

const rule: Rule = {
  id: 'structure-numbers',
  severity: 'error',
  description: 'Each paragraph must contain the same numbers as the English paragraph (in any digits: 3,000 = 3.000 = ۳٬۰۰۰).',
  document(ctx) {
    const source = analyse(ctx.source);
    for (const field of source.fields) {
      if (!ctx.doc.fieldPlaces[field.key]) continue;
      compare(ctx, numbersOf(source, { field: field.key }), numbersOf(ctx.analysis, { field: field.key }),
        fieldPlace(ctx, field.key), field.place.line, field.key);
    }
    for (const pair of leafPairs(ctx.source, ctx.doc)) {
      const s = pair.sourceIndex;
      const t = pair.translationIndex;
      if (pair.source.node.type === 'code') continue;
      compare(ctx, numbersOf(source, { block: s }), numbersOf(ctx.analysis, { block: t }),
        { line: pair.translation.line, column: pair.translation.column }, pair.source.line, pair.source.node.type === 'heading' ? 'heading' : 'paragraph');
    }
  },
};
export default rule;
