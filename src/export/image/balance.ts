/**
 * Line breaking for display text, over the engine's break opportunities and shaped widths:
 * the greedy breaker's number of lines, with the breaks chosen by dynamic programming.
 * `balance` (as CSS `text-wrap: balance`) makes all lines about as long; `pretty` fills the
 * lines as greedy breaking does but never leaves the last line short.
 */
import type { BreakOpportunity } from '../../typeset/linebreak.js';
import type { LineSpan, Measure } from '../../typeset/layout.js';
import type { Prepared } from '../../typeset/paragraph.js';

export type Wrap = 'balance' | 'pretty';

/** In `pretty`, the last line is at least this share of the width. */
const SHORTEST_LAST_LINE = 0.5;

/** A breaker for `layoutWith`: `lines` lines at most the paragraph's width, or undefined when none fit. */
export function displayBreaks(wrap: Wrap, lines: number) {
  return (p: Prepared, opps: BreakOpportunity[], measure: Measure): LineSpan[] => {
    const width = p.input.width;
    const ends = opps.filter((o) => o.position > 0);
    // A forced line break inside the text: these rules are for one plain paragraph.
    if (ends.some((o) => o.required && o.position < p.text.length)) throw new NoBalance();
    const stops = [0, ...ends.map((o) => o.position)];
    const hyphen = [false, ...ends.map((o) => o.hyphen)];
    const n = stops.length - 1;
    // cost[k][i]: the least cost of setting the text before stops[i] in k lines; from[k][i] where the last of them starts.
    const cost = Array.from({ length: lines + 1 }, () => new Float64Array(n + 1).fill(Infinity));
    const from = Array.from({ length: lines + 1 }, () => new Int32Array(n + 1).fill(-1));
    cost[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      const last = k === lines;
      for (let i = 1; i <= n; i++) {
        if (last && i !== n) continue;
        for (let j = i - 1; j >= 0; j--) {
          if (cost[k - 1]![j] === Infinity) continue;
          const w = measure.width(stops[j]!, stops[i]!, hyphen[i]!);
          if (w > width + 1e-9) break; // longer lines only get wider
          const slack = width - w;
          let c: number;
          if (wrap === 'balance' || !last) c = slack * slack;
          else c = w < SHORTEST_LAST_LINE * width ? (SHORTEST_LAST_LINE * width - w) ** 2 * 10 : 0;
          if (cost[k - 1]![j]! + c < cost[k]![i]!) {
            cost[k]![i] = cost[k - 1]![j]! + c;
            from[k]![i] = j;
          }
        }
      }
    }
    if (cost[lines]![n] === Infinity) throw new NoBalance();
    const spans: LineSpan[] = [];
    for (let k = lines, i = n; k > 0; k--) {
      const j = from[k]![i]!;
      spans.unshift({ start: stops[j]!, end: stops[i]!, hyphen: hyphen[i]!, last: k === lines });
      i = j;
    }
    return spans;
  };
}

/** The text cannot be set in that many lines by these rules: the caller keeps the greedy lines. */
export class NoBalance extends Error {}
