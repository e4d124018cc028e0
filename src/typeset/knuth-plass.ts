/**
 * Optimal line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) for justified
 * text, over the same break opportunities and shaped widths as the greedy breaker.
 *
 * Each line's natural width comes from the shaped advances; its stretch from the inter-word
 * spaces (half a space each, as TeX's default) and, in Arabic script, one tatweel per word that
 * has a kashida place. Spaces never shrink, in any script: TeX lets them lose a third, but a
 * squeezed space is read as no space (OCR read "от диктатур" as "отдиктатур"; readers stumble
 * too), and browsers never shrink them either. Demerits are TeX's: (l + b)² + p², plus a
 * penalty for two hyphenated lines in a row and for a change of fitness class. Penalties (see
 * `breakKind`): a hyphenation point, a break after a word's own hyphen ("anti-|war" cannot be
 * told from a hyphenated "antiwar", so copy, search and OCR join it), and in Cyrillic a break
 * after a one- or two-letter word (Russian and Belarusian typography keeps "в", "по", "не" with
 * the next word). Forced breaks and the paragraph's end get infinite stretch (the last line is
 * not justified).
 */
import { breakKind, type BreakOpportunity } from './linebreak.js';
import type { LineSpan, Measure } from './layout.js';
import { trimEnd } from './layout.js';
import { isTatweelSafe, type Prepared } from './paragraph.js';

const LINE_PENALTY = 10;
const HYPHEN_PENALTY = 50;
/** High enough that a word's own hyphen ends a line only when every other break is much worse. */
const EXPLICIT_HYPHEN_PENALTY = 1000;
const SHORT_WORD_PENALTY = 300;
const DOUBLE_HYPHEN_DEMERITS = 3000;
const FITNESS_DEMERITS = 100;
/** Badness is capped here (TeX's infinitely bad, 10000, is reached at a ratio of about 4.65). */
const MAX_BADNESS = 10000;

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

  // Prefix sums of stretch per character position (nothing shrinks).
  const stretch = new Float64Array(n + 1);
  const tatweelWords = wordsWithKashida(p);
  for (let i = 0; i < n; i++) {
    let st = 0;
    const c = text.charCodeAt(i);
    if ((c === 0x20 || c === 0xa0) && p.clusterAt[i]! >= 0) st = (p.prefix[i + 1]! - p.prefix[i]!) / 2;
    st += tatweelWords[i]!;
    stretch[i + 1] = stretch[i]! + st;
  }

  // Nodes live in parallel arrays; `active` holds node indices in position order.
  const cap = opps.length + 2;
  const nPos = new Int32Array(cap);
  const nDem = new Float64Array(cap);
  const nFit = new Uint8Array(cap);
  const nHyph = new Uint8Array(cap);
  const nReq = new Uint8Array(cap);
  const nPrev = new Int32Array(cap).fill(-1);
  let nodes = 1;
  nFit[0] = 1;
  let active = new Int32Array(cap);
  let activeLen = 1;
  active[0] = 0;
  for (const o of opps) {
    if (o.position === 0) continue;
    const isEnd = o.required || o.position >= n;
    const hyph = o.hyphen ? 1 : 0;
    const penalty = breakPenalty(text, o, p.lang) ** 2;
    // The line's end without trailing spaces, and the hyphen's width, do not depend on where
    // the line starts (as long as it starts before them).
    const tEnd = trimEnd(text, 0, o.position);
    const hyphenWidth = hyph ? measure.width(tEnd - 1, o.position, true) - measure.width(tEnd - 1, o.position, false) : 0;
    let best = -1;
    let bestDem = Infinity;
    let bestFit = 1;
    let lastDropped = -1;
    let keep = 0;
    let anyBefore = false;
    for (let k = 0; k < activeLen; k++) {
      const a = active[k]!;
      const ap = nPos[a]!;
      if (ap >= o.position) {
        active[keep++] = a;
        continue;
      }
      const t = tEnd > ap ? tEnd : ap;
      const w = p.prefix[t]! - p.prefix[ap]! + (t > ap ? hyphenWidth : 0);
      let r: number;
      if (w <= width) {
        const Y = stretch[t]! - stretch[ap]!;
        r = isEnd ? 0 : Y > 0 ? (width - w) / Y : Infinity;
      } else r = -Infinity;
      if (r < 0) {
        // Too long now, and longer for every later break: drop this node.
        lastDropped = a;
        continue;
      }
      active[keep++] = a;
      anyBefore = true;
      const ar = r < 0 ? -r : r;
      const badness = ar > 4.65 ? MAX_BADNESS : 100 * ar * ar * ar;
      const lb = LINE_PENALTY + badness;
      let d = lb * lb + penalty + nDem[a]!;
      const fit = fitnessClass(r);
      if (hyph && nHyph[a]) d += DOUBLE_HYPHEN_DEMERITS;
      if (fit - nFit[a]! > 1 || nFit[a]! - fit > 1) d += FITNESS_DEMERITS;
      if (d < bestDem) {
        bestDem = d;
        best = a;
        bestFit = fit;
      }
    }
    activeLen = keep;
    if (best < 0 && lastDropped >= 0 && !anyBefore) {
      // Nothing fits (a word wider than the line): break here anyway, overfull.
      best = lastDropped;
      bestDem = nDem[lastDropped]! + 1e12;
      bestFit = 1;
    }
    if (best >= 0) {
      const id = nodes++;
      nPos[id] = o.position;
      nDem[id] = bestDem;
      nFit[id] = bestFit;
      nHyph[id] = hyph;
      nReq[id] = isEnd ? 1 : 0;
      nPrev[id] = best;
      if (isEnd) activeLen = 0;
      active[activeLen++] = id;
    } else if (isEnd) {
      activeLen = 0;
    }
  }
  let end = -1;
  for (let k = 0; k < activeLen; k++) {
    const a = active[k]!;
    if (nPos[a]! >= n && (end < 0 || nDem[a]! < nDem[end]!)) end = a;
  }
  const spans: LineSpan[] = [];
  for (let node = end; node > 0; node = nPrev[node]!) {
    const prev = nPrev[node]!;
    spans.push({ start: nPos[prev]!, end: nPos[node]!, hyphen: nHyph[node] === 1, last: nReq[node] === 1 });
  }
  return spans.reverse();
}

function breakPenalty(text: string, o: BreakOpportunity, lang: Prepared['lang']): number {
  switch (breakKind(text, o, lang)) {
    case 'hyphenation': return HYPHEN_PENALTY;
    case 'explicit-hyphen': return EXPLICIT_HYPHEN_PENALTY;
    case 'short-word': return SHORT_WORD_PENALTY;
    default: return 0;
  }
}

/**
 * Per character: the stretch one tatweel adds at the first character of each Arabic word that
 * the language lets stretch (a kashida place, and at least `kashida.minLetters` letters); 0
 * elsewhere. The line's own limit (`maxPerLine`) is not a sum over words and is left to the
 * justifier: the spaces take what it does not allow.
 */
function wordsWithKashida(p: Prepared): Float64Array {
  const out = new Float64Array(p.text.length);
  const policy = p.lang.kashida;
  if (!policy) return out;
  let wordStart = -1;
  let width = 0;
  let letters = 0;
  const flush = () => {
    if (wordStart >= 0 && width > 0 && letters >= policy.minLetters) out[wordStart] = width;
    wordStart = -1;
    width = 0;
    letters = 0;
  };
  for (const c of p.clusters) {
    const item = p.items[c.item]!;
    const ch = p.text.charCodeAt(c.start);
    if (item.script !== 'Arab' || ch === 0x20 || ch === 0xa0) {
      flush();
      continue;
    }
    if (wordStart < 0) wordStart = c.start;
    for (let i = c.start; i < c.end; i++) if (p.text.charCodeAt(i) !== 0x640 && LETTER.test(p.text[i]!)) letters++;
    if (width === 0 && c.start > wordStart && isTatweelSafe(c)) {
      const gid = item.font.font.nominalGlyph(0x640);
      if (gid) width = (item.font.font.glyphHAdvance(gid) * p.size) / item.font.upem;
    }
  }
  flush();
  return out;
}

const LETTER = /^\p{L}$/u;
