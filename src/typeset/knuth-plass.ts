/**
 * Optimal line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) for justified
 * text, over the same break opportunities and shaped widths as the greedy breaker.
 *
 * Each line's natural width comes from the shaped advances; its stretch from the inter-word
 * spaces (half a space each, a third to shrink, as TeX's defaults; Arabic-script spaces do not
 * shrink) and, in Arabic script, one tatweel per word that has a kashida place. Demerits are TeX's: (l + b)² + p², plus a
 * penalty for two hyphenated lines in a row and for a change of fitness class. Forced breaks
 * and the paragraph's end get infinite stretch (the last line is not justified).
 */
import type { BreakOpportunity } from './linebreak.js';
import type { LineSpan, Measure } from './layout.js';
import { trimEnd } from './layout.js';
import { isTatweelSafe, type Prepared } from './paragraph.js';

const LINE_PENALTY = 10;
const HYPHEN_PENALTY = 50;
const DOUBLE_HYPHEN_DEMERITS = 3000;
const FITNESS_DEMERITS = 100;
const MAX_BADNESS = 10000;

interface Node {
  position: number;
  hyphen: boolean;
  required: boolean;
  demerits: number;
  fitness: number;
  prev: Node | undefined;
}

function fitnessClass(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

export function knuthPlass(p: Prepared, opps: BreakOpportunity[], measure: Measure): LineSpan[] {
  const { text } = p;
  const n = text.length;
  const width = p.input.width;

  // Prefix sums of stretch and shrink per character position.
  const stretch = new Float64Array(n + 1);
  const shrink = new Float64Array(n + 1);
  const tatweelWords = wordsWithKashida(p);
  for (let i = 0; i < n; i++) {
    let st = 0;
    let sh = 0;
    const c = text.charCodeAt(i);
    const ci = p.clusterAt[i]!;
    if ((c === 0x20 || c === 0xa0) && ci >= 0) {
      const w = p.prefix[i + 1]! - p.prefix[i]!;
      st = w / 2;
      // Arabic script is stretched (kashida, then spaces), never squeezed.
      sh = p.items[p.clusters[ci]!.item]!.script === 'Arab' ? 0 : w / 3;
    }
    st += tatweelWords[i]!;
    stretch[i + 1] = stretch[i]! + st;
    shrink[i + 1] = shrink[i]! + sh;
  }

  let active: Node[] = [{ position: 0, hyphen: false, required: false, demerits: 0, fitness: 1, prev: undefined }];
  for (const o of opps) {
    if (o.position === 0) continue;
    const isEnd = o.required || o.position >= n;
    let best: Node | undefined;
    const keep: Node[] = [];
    let lastDropped: Node | undefined;
    for (const a of active) {
      if (a.position >= o.position) {
        keep.push(a);
        continue;
      }
      const t = trimEnd(text, a.position, o.position);
      const w = measure.width(a.position, o.position, o.hyphen);
      const Y = stretch[t]! - stretch[a.position]!;
      const Z = shrink[t]! - shrink[a.position]!;
      let r: number;
      if (w <= width) r = isEnd ? 0 : Y > 0 ? (width - w) / Y : Infinity;
      else r = Z > 0 ? (width - w) / Z : -Infinity;
      if (r < -1) {
        // Too long now, and longer for every later break: drop this node.
        lastDropped = a;
        continue;
      }
      keep.push(a);
      const badness = Math.min(MAX_BADNESS, 100 * Math.abs(r) ** 3);
      const penalty = o.hyphen ? HYPHEN_PENALTY : 0;
      let d = (LINE_PENALTY + badness) ** 2 + penalty * penalty;
      const fit = fitnessClass(r);
      if (a.hyphen && o.hyphen) d += DOUBLE_HYPHEN_DEMERITS;
      if (Math.abs(fit - a.fitness) > 1) d += FITNESS_DEMERITS;
      d += a.demerits;
      if (!best || d < best.demerits) best = { position: o.position, hyphen: o.hyphen, required: isEnd, demerits: d, fitness: fit, prev: a };
    }
    if (!best && keep.every((a) => a.position >= o.position) && lastDropped) {
      // Nothing fits (a word wider than the line): break here anyway, overfull.
      best = { position: o.position, hyphen: o.hyphen, required: isEnd, demerits: lastDropped.demerits + 1e12, fitness: 1, prev: lastDropped };
    }
    active = keep;
    if (best) {
      if (isEnd) active = [best];
      else active.push(best);
    } else if (isEnd) {
      active = [];
    }
  }
  const end = active.reduce<Node | undefined>((b, a) => (a.position >= n && (!b || a.demerits < b.demerits) ? a : b), undefined);
  const spans: LineSpan[] = [];
  for (let node = end; node && node.prev; node = node.prev) {
    spans.push({ start: node.prev.position, end: node.position, hyphen: node.hyphen, last: node.required });
  }
  return spans.reverse();
}

/**
 * Per character: the stretch one tatweel adds at the first character of each Arabic word with
 * a kashida place (0 elsewhere).
 */
function wordsWithKashida(p: Prepared): Float64Array {
  const out = new Float64Array(p.text.length);
  let wordStart = -1;
  let counted = false;
  for (const c of p.clusters) {
    const item = p.items[c.item]!;
    const ch = p.text.charCodeAt(c.start);
    if (item.script !== 'Arab' || ch === 0x20 || ch === 0xa0) {
      wordStart = -1;
      counted = false;
      continue;
    }
    if (wordStart < 0) {
      wordStart = c.start;
      counted = false;
    }
    if (!counted && c.start > wordStart && isTatweelSafe(c)) {
      const gid = item.font.font.nominalGlyph(0x640);
      if (gid) out[wordStart] = (item.font.font.glyphHAdvance(gid) * p.size) / item.font.upem;
      counted = true;
    }
  }
  return out;
}
