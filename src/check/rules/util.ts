/** Helpers for rules that look at characters in the prose of a document. */
import type { Point } from '../../content/index.js';
import { alignment, analyse, type TextRun } from '../analysis.js';
import type { DocumentContext } from '../types.js';

/** Text runs that are prose: no code, no bare URLs. */
export function prose(ctx: DocumentContext): TextRun[] {
  return ctx.analysis.runs.filter((run) => !run.code && !run.url);
}

/** Call `found` for every match of a global `pattern` in the prose, with its exact place. */
export function scan(
  ctx: DocumentContext,
  pattern: RegExp,
  found: (match: RegExpMatchArray, place: Point, run: TextRun) => void,
): void {
  for (const run of prose(ctx)) {
    for (const match of run.text.matchAll(pattern)) found(match, ctx.analysis.point(run.offset + match.index!), run);
  }
}

/** Where a front matter field's value starts, or the front matter block when it is absent. */
export function fieldPlace(ctx: DocumentContext, key: string): Point {
  return ctx.doc.fieldPlaces[key] ?? ctx.doc.frontMatterPlace;
}

/** `statements/x.md line 12`, how messages name a place in the English text. */
export function sourceLine(ctx: DocumentContext, line: number): string {
  return `${ctx.source.path} line ${line}`;
}

/** A short quotation of a text for messages. */
export function excerpt(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The place in the translation that renders the English block on `line`: the start of the
 * aligned translation block (or the closest one before it), so a message about something
 * missing points where it belongs.
 */
export function placeForSourceLine(ctx: DocumentContext, line: number): Point {
  const anchors = anchorsOf(ctx);
  let best: Point = ctx.analysis.blocks[0] ? { line: ctx.analysis.blocks[0].line, column: ctx.analysis.blocks[0].column } : ctx.doc.frontMatterPlace;
  // Binary search for the last anchor whose source line is at or before `line`.
  let low = 0;
  let high = anchors.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (anchors[mid].sourceLine <= line) { best = anchors[mid].place; low = mid + 1; } else high = mid - 1;
  }
  return best;
}

const anchorCache = new WeakMap<object, Array<{ sourceLine: number; place: Point }>>();

/** Matched block pairs in source order: English line → translation place. */
function anchorsOf(ctx: DocumentContext): Array<{ sourceLine: number; place: Point }> {
  let anchors = anchorCache.get(ctx.doc);
  if (!anchors) {
    const s = analyse(ctx.source).blocks;
    const t = ctx.analysis.blocks;
    anchors = [];
    for (const step of alignment(ctx.source, ctx.doc)) {
      if (step.source === undefined || step.translation === undefined) continue;
      anchors.push({ sourceLine: s[step.source].line, place: { line: t[step.translation].line, column: t[step.translation].column } });
    }
    anchorCache.set(ctx.doc, anchors);
  }
  return anchors;
}
