/**
 * Breaking a prepared paragraph into lines and setting each line: reshaping across
 * unsafe-to-break edges, inserting hyphens, justifying, reordering (UAX #9 L2) and positioning.
 */
import { visualOrder } from './bidi.js';
import { breakOpportunities, type BreakOpportunity } from './linebreak.js';
import { groupClusters, isHardBreak, type Cluster, type Prepared } from './paragraph.js';
import { shapeRange } from './shape.js';
import type { Line, ParagraphLayout, PositionedGlyph } from './types.js';
import { justifyLine } from './justify.js';
import { knuthPlass } from './knuth-plass.js';

/** A chosen line: logical range [start, end) (end is the break position, trailing spaces included). */
export interface LineSpan {
  start: number;
  end: number;
  hyphen: boolean;
  /** Ends at a forced break or the paragraph's end: not justified. */
  last: boolean;
}

/** A cluster as set on a line: glyphs may be reshaped, tatweels and hyphens inserted. */
export interface LineCluster extends Cluster {
  /** Advance of each glyph in the caller's unit, justification included. */
  advances: number[];
  /** Scale from font units to the caller's unit. */
  scale: number;
  hyphen?: boolean;
  kashida?: boolean;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x205f || c === 0x1680;
}

/** The end of [start, end) without trailing whitespace and hard breaks. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (isSpace(c) || isHardBreak(c)) end--;
    else break;
  }
  return end;
}

export interface Measure {
  /** Natural width of the line [start, end) with trailing spaces hung, hyphen included. */
  width(start: number, end: number, hyphen: boolean): number;
}

export function layout(p: Prepared): ParagraphLayout {
  const { input, text } = p;
  const justify = input.align === 'justify';
  const hyphenate = input.hyphenate ?? justify;
  const opps = breakOpportunities(text, p.lang, hyphenate);
  const measure = makeMeasure(p);
  const spans = justify ? knuthPlass(p, opps, measure) : greedy(p, opps, measure);
  return setLines(p, spans);
}

/** The lines a breaker of the caller's chooses, set as `layout` sets its own (the share cards balance their titles). */
export function layoutWith(p: Prepared, breaker: (p: Prepared, opps: BreakOpportunity[], measure: Measure) => LineSpan[]): ParagraphLayout {
  const hyphenate = p.input.hyphenate ?? p.input.align === 'justify';
  return setLines(p, breaker(p, breakOpportunities(p.text, p.lang, hyphenate), makeMeasure(p)));
}

function makeMeasure(p: Prepared): Measure {
  const hyphenWidths = new Map<number, number>();
  return {
    width(start, end, hyphen) {
      const t = trimEnd(p.text, start, end);
      let w = p.prefix[t]! - p.prefix[start]!;
      if (hyphen && t > start) {
        // The hyphen in the font of the cluster it follows.
        const ci = clusterBefore(p, t);
        if (ci >= 0) {
          const item = p.items[p.clusters[ci]!.item]!;
          let hw = hyphenWidths.get(ci);
          if (hw === undefined) {
            const ch = hyphenChar(item.font.unicodes);
            const gid = item.font.font.nominalGlyph(ch.codePointAt(0)!) ?? 0;
            hw = (item.font.font.glyphHAdvance(gid) * p.size) / item.font.upem;
            hyphenWidths.set(ci, hw);
          }
          w += hw;
        }
      }
      return w;
    },
  };
}

function clusterBefore(p: Prepared, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (p.clusterAt[i]! >= 0) return p.clusterAt[i]!;
  return -1;
}

export function hyphenChar(unicodes: Set<number>): string {
  return unicodes.has(0x2010) ? '\u2010' : '-';
}

/** First fit: take each break as late as the line still fits. */
export function greedy(p: Prepared, opps: BreakOpportunity[], measure: Measure): LineSpan[] {
  const width = p.input.width;
  const spans: LineSpan[] = [];
  let start = 0;
  let fit: BreakOpportunity | undefined;
  for (let k = 0; k < opps.length; k++) {
    const o = opps[k]!;
    if (o.position <= start) continue;
    let w = measure.width(start, o.position, o.hyphen);
    if (w <= width + 1e-9 && (o.hyphen || p.unsafe[start] || p.unsafe[trimEnd(p.text, start, o.position)])) {
      // The line will be reshaped at an edge: measure what will actually be set.
      w = lineClusters(p, { start, end: o.position, hyphen: o.hyphen, last: false }).reduce((a, c) => a + c.advances.reduce((x, y) => x + y, 0), 0);
    }
    if (w > width + 1e-9 && fit) {
      spans.push({ start, end: fit.position, hyphen: fit.hyphen, last: false });
      start = fit.position;
      fit = undefined;
      k--;
      continue;
    }
    if (o.required || o.position >= p.text.length) {
      spans.push({ start, end: o.position, hyphen: false, last: true });
      start = o.position;
      fit = undefined;
      continue;
    }
    fit = o;
    if (w > width + 1e-9) {
      // Nothing fits: the word overflows.
      spans.push({ start, end: o.position, hyphen: o.hyphen, last: false });
      start = o.position;
      fit = undefined;
    }
  }
  return spans;
}

/** Set each line: glyphs, justification, reordering, positions. */
function setLines(p: Prepared, spans: LineSpan[]): ParagraphLayout {
  const { input } = p;
  const box = input.lineHeight * input.size;
  // CSS-like line boxes: the primary font's ascender and descender, centred in the line
  // height (half-leading above and below), the same for every line of the paragraph.
  const ext = p.primary.font.hExtents();
  const a = (ext.ascender * input.size) / p.primary.upem;
  const d = (-ext.descender * input.size) / p.primary.upem;
  const ascent = (box - (a + d)) / 2 + a;
  const descent = box - ascent;
  const lines: Line[] = [];
  spans.forEach((span, i) => {
    const clusters = lineClusters(p, span);
    const natural = clusters.reduce((s, c) => s + c.advances.reduce((a, b) => a + b, 0), 0);
    let width = natural;
    // A last line is not stretched, but like every line it may have its spaces shrunk to fit.
    if (input.align === 'justify' && (!span.last || natural > input.width)) width = justifyLine(p, clusters, input.width - natural) + natural;
    const glyphs = position(p, clusters);
    let offset = 0;
    const rtl = p.direction === 'rtl';
    const free = input.width - width;
    switch (input.align) {
      case 'start': offset = rtl ? free : 0; break;
      case 'end': offset = rtl ? 0 : free; break;
      case 'center': offset = free / 2; break;
      case 'justify': offset = rtl ? free : 0; break;
    }
    if (offset !== 0) for (const g of glyphs) g.x += offset;
    lines.push({
      glyphs,
      width,
      ascent,
      descent,
      baseline: i * box + ascent,
      text: p.text.slice(span.start, trimEnd(p.text, span.start, span.end)),
      hyphenated: span.hyphen,
    });
  });
  return { lines, height: lines.length * box, width: input.width, direction: p.direction };
}

/**
 * The clusters of one line in logical order. Items cut by the line's edges are reshaped with
 * the line as context where HarfBuzz flagged the edge unsafe to break, and always where a
 * hyphen is added.
 */
export function lineClusters(p: Prepared, span: LineSpan): LineCluster[] {
  const { text, items } = p;
  const s = span.start;
  const t = trimEnd(text, s, span.end);
  const out: LineCluster[] = [];
  if (t <= s) return out;
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx]!;
    if (item.end <= s || item.start >= t) continue;
    const a = Math.max(s, item.start);
    const b = Math.min(t, item.end);
    const scale = p.size / item.font.upem;
    const hyphenHere = span.hyphen && b === t;
    const reshape = hyphenHere || (a > item.start && p.unsafe[a]) || (b < item.end && p.unsafe[b]);
    if (!reshape) {
      let ci = p.clusterAt[a]!;
      while (ci < p.clusters.length && p.clusters[ci]!.start < b) {
        const c = p.clusters[ci++]!;
        out.push(lineCluster(c, scale));
      }
      continue;
    }
    let ctx = p.shapeText.slice(s, t);
    let end = b - s;
    if (hyphenHere) {
      ctx += hyphenChar(item.font.unicodes);
      end += 1;
    }
    const glyphs = shapeRange(item.font, ctx, a - s, end, {
      rtl: (item.level & 1) === 1,
      script: item.script === 'Zyyy' ? p.lang.script : item.script,
      language: p.hbLang,
      tatweel: item.script === 'Arab',
    }, s);
    const groups = groupClusters(glyphs, { start: a, end: hyphenHere ? t + 1 : b, level: item.level }, idx);
    for (const c of groups) {
      const lc = lineCluster(c, scale);
      if (c.start >= t) {
        lc.hyphen = true;
        lc.end = c.start;
      }
      out.push(lc);
    }
  }
  return out;
}

function lineCluster(c: Cluster, scale: number): LineCluster {
  const advances = new Array<number>(c.glyphs.length);
  for (let i = 0; i < advances.length; i++) advances[i] = c.glyphs[i]!.ax * scale;
  return { start: c.start, end: c.end, level: c.level, item: c.item, glyphs: c.glyphs, advance: c.advance, advances, scale };
}

/** Reorder (L1 end of line, L2) and place the glyphs left to right. */
function position(p: Prepared, clusters: LineCluster[]): PositionedGlyph[] {
  const levels = clusters.map((c) => c.level);
  const order = visualOrder(levels);
  const glyphs: PositionedGlyph[] = [];
  let pen = 0;
  for (const k of order) {
    const c = clusters[k]!;
    const item = p.items[c.item]!;
    const rtl = (c.level & 1) === 1;
    // The cluster's text goes on its first glyph in logical order: the last one HarfBuzz
    // output for a right-to-left run.
    const first = rtl ? c.glyphs.length - 1 : 0;
    const clusterText = c.hyphen || c.kashida ? '' : p.text.slice(c.start, c.end);
    c.glyphs.forEach((g, gi) => {
      const pg: PositionedGlyph = {
        font: item.font.id,
        glyphId: g.gid,
        size: p.size,
        x: pen + g.dx * c.scale,
        y: g.dy * c.scale,
        advance: c.advances[gi]!,
        text: gi === first ? clusterText : '',
        cluster: c.start,
        rtl,
        // An inserted hyphen belongs to the run of the character before it.
        run: p.runOf[Math.min(c.hyphen ? c.start - 1 : c.start, p.text.length - 1)]!,
      };
      if (c.hyphen) pg.hyphen = true;
      if (c.kashida) pg.kashida = true;
      glyphs.push(pg);
      pen += c.advances[gi]!;
    });
  }
  return glyphs;
}

