/**
 * Kashida (tatweel) justification for Arabic script.
 *
 * Places: only before clusters HarfBuzz flags SAFE_TO_INSERT_TATWEEL (it knows the joining
 * state after shaping, including ligatures such as lam-alef, which it never flags inside).
 *
 * Priority: one place per word, chosen by the order Microsoft documents for Arabic
 * justification and LibreOffice implements (i18nutil/source/utility/kashida.cxx):
 *   0. after a tatweel the author typed
 *   1. after an initial or medial seen or sad (and their dotted forms)
 *   2. before a final teh marbuta, heh or dal
 *   3. before a final alef, tah, lam, kaf or gaf
 *   4. before a medial beh-like letter that precedes a final reh, yeh or alef maqsura
 *   5. before a final waw, ain, qaf or feh
 *   6. before any other final letter
 *   7. any other place HarfBuzz allows
 * Ties go to the last place in the word. How much is allowed is the language's (its
 * `kashida` policy in src/languages.ts): no place in words shorter than `minLetters` letters;
 * whole tatweel glyphs are added a round at a time, words with better places first, at most
 * `maxPerWord` per word and `maxPerLine` on the line; the spaces take the rest. A language
 * without a policy gets no kashida.
 */
import type { LineCluster } from './layout.js';
import type { KashidaPolicy } from '../languages.js';
import { isTatweelSafe, type Prepared } from './paragraph.js';

const SEEN_SAD = new Set([0x633, 0x634, 0x635, 0x636, 0x69a, 0x69b, 0x69c, 0x69d, 0x69e, 0x6fa, 0x6fb]);
const TEH_MARBUTA_HEH_DAL = new Set([0x629, 0x647, 0x6c1, 0x6c3, 0x6d5, 0x62f, 0x630, 0x688, 0x689, 0x68a, 0x68e, 0x690, 0x6ee]);
const ALEF_TAH_LAM_KAF_GAF = new Set([
  0x627, 0x622, 0x623, 0x625, 0x671, 0x672, 0x673, 0x675, // alef
  0x637, 0x638, 0x69f, // tah, zah
  0x644, 0x6b5, 0x6b6, 0x6b7, 0x6b8, // lam
  0x643, 0x6a9, 0x6aa, 0x6ab, 0x6ac, 0x6ad, 0x6ae, 0x6af, 0x6b0, 0x6b1, 0x6b2, 0x6b3, 0x6b4, // kaf, keheh, gaf
]);
const BEH_LIKE = new Set([0x628, 0x62a, 0x62b, 0x646, 0x64a, 0x626, 0x649, 0x67e, 0x6cc, 0x679, 0x67b, 0x6ba, 0x6bb]);
const REH_YEH = new Set([0x631, 0x632, 0x698, 0x691, 0x64a, 0x649, 0x6cc, 0x6d2, 0x626]);
const WAW_AIN_QAF_FEH = new Set([0x648, 0x624, 0x6c6, 0x6c7, 0x6c8, 0x6cb, 0x6cf, 0x639, 0x63a, 0x642, 0x641, 0x6a4, 0x6a6]);
/** Letters that join only to the right: always final (or isolated) when a tatweel may precede them. */
const RIGHT_JOINING = new Set([
  0x622, 0x623, 0x624, 0x625, 0x627, 0x629, 0x62f, 0x630, 0x631, 0x632, 0x648, 0x671, 0x672, 0x673, 0x675,
  0x688, 0x689, 0x68a, 0x68e, 0x690, 0x691, 0x698, 0x6c0, 0x6c1, 0x6c3, 0x6c6, 0x6c7, 0x6c8, 0x6cb, 0x6cf, 0x6d2, 0x6d5,
]);
const TATWEEL = 0x640;
const LETTER = /^\p{L}$/u;

/** First letter (skipping marks) of a cluster. */
function baseLetter(text: string, c: LineCluster): number {
  for (let i = c.start; i < c.end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp === TATWEEL || LETTER.test(String.fromCodePoint(cp))) return cp;
  }
  return -1;
}

/** Last letter of a cluster. */
function lastLetter(text: string, c: LineCluster): number {
  for (let i = c.end - 1; i >= c.start; i--) {
    const cp = text.charCodeAt(i);
    if (cp === TATWEEL || LETTER.test(text[i]!)) return cp;
  }
  return -1;
}

export function kashidaPriority(prev: number, cur: number, next: number, isFinal: boolean): number {
  if (prev === TATWEEL) return 0;
  if (SEEN_SAD.has(prev)) return 1;
  if (isFinal && TEH_MARBUTA_HEH_DAL.has(cur)) return 2;
  if (isFinal && ALEF_TAH_LAM_KAF_GAF.has(cur)) return 3;
  if (!isFinal && BEH_LIKE.has(cur) && REH_YEH.has(next)) return 4;
  if (isFinal && WAW_AIN_QAF_FEH.has(cur)) return 5;
  if (isFinal) return 6;
  return 7;
}

interface Place {
  /** Index in the line's clusters of the cluster the tatweel goes before. */
  index: number;
  priority: number;
}

/** Joiners inside a Persian word (ZWNJ in "می‌شوند"): they break the joining, not the word. */
const JOINERS = /^[\p{M}\u200c\u200d]*$/u;

/**
 * The chosen kashida place of each Arabic word of the line that the language lets stretch
 * (policy.minLetters letters or more), best first.
 */
export function kashidaPlaces(p: Prepared, clusters: LineCluster[], policy: KashidaPolicy | undefined = p.lang.kashida): Place[] {
  if (!policy) return [];
  const text = p.text;
  const places: Place[] = [];
  let best: Place | undefined;
  let prevLetter = -1;
  let letters = 0;
  const flush = () => {
    if (best && letters >= policy.minLetters) places.push(best);
    best = undefined;
    prevLetter = -1;
    letters = 0;
  };
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const arabic = p.items[c.item]!.script === 'Arab' && !c.hyphen && !c.kashida;
    const cur = arabic ? baseLetter(text, c) : -1;
    if (cur < 0) {
      // Marks and joiners don't end a word (a ZWNJ stops the joining: no tatweel after it);
      // anything else (space, digit, Latin) does.
      const t = text.slice(c.start, c.end);
      if (!arabic || !JOINERS.test(t)) flush();
      else if (t.includes('\u200c')) prevLetter = -1;
      continue;
    }
    letters += countLetters(text, c);
    if (prevLetter >= 0 && isTatweelSafe(c)) {
      const nextC = clusters[i + 1];
      const next = nextC && p.items[nextC.item]!.script === 'Arab' ? baseLetter(text, nextC) : -1;
      const isFinal = next < 0 || RIGHT_JOINING.has(cur);
      const priority = kashidaPriority(prevLetter, cur, next, isFinal);
      if (!best || priority <= best.priority) best = { index: i, priority };
    }
    prevLetter = lastLetter(text, c);
  }
  flush();
  return places.sort((a, b) => a.priority - b.priority || a.index - b.index);
}

/** Letters of a cluster (a lam-alef ligature is two), tatweels and marks not counted. */
function countLetters(text: string, c: LineCluster): number {
  let n = 0;
  for (let i = c.start; i < c.end; i++) {
    const cp = text.charCodeAt(i);
    if (cp !== TATWEEL && LETTER.test(text[i]!)) n++;
  }
  return n;
}

/** How much whole tatweels could add to this line at most (for line breaking). */
export function kashidaCapacity(p: Prepared, clusters: LineCluster[]): number {
  const policy = p.lang.kashida;
  if (!policy) return 0;
  const widths = kashidaPlaces(p, clusters, policy).map((place) => tatweelAdvance(p, clusters[place.index]!));
  // The line's limit in tatweels, taken from the widest places.
  widths.sort((a, b) => b - a);
  let cap = 0;
  let left = policy.maxPerLine;
  for (const w of widths) {
    const n = Math.min(policy.maxPerWord, left);
    cap += n * w;
    left -= n;
    if (left <= 0) break;
  }
  return cap;
}

function tatweelGlyph(p: Prepared, c: LineCluster): number {
  return p.items[c.item]!.font.font.nominalGlyph(TATWEEL) ?? 0;
}

function tatweelAdvance(p: Prepared, c: LineCluster): number {
  const gid = tatweelGlyph(p, c);
  return gid ? p.items[c.item]!.font.font.glyphHAdvance(gid) * c.scale : 0;
}

/**
 * Insert tatweels into the line (logical order) to take up at most `extra`. Returns the width
 * added; the caller spreads the rest over the spaces.
 */
export function insertKashida(p: Prepared, clusters: LineCluster[], extra: number): number {
  const policy = p.lang.kashida;
  if (!policy) return 0;
  const places = kashidaPlaces(p, clusters, policy);
  if (places.length === 0) return 0;
  const counts = new Array<number>(places.length).fill(0);
  const widths = places.map((pl) => tatweelAdvance(p, clusters[pl.index]!));
  let left = extra;
  let onLine = 0;
  for (let round = 0; round < policy.maxPerWord; round++) {
    let any = false;
    for (let k = 0; k < places.length && onLine < policy.maxPerLine; k++) {
      const w = widths[k]!;
      if (w > 0 && w <= left + 1e-9) {
        onLine++;
        counts[k]!++;
        left -= w;
        any = true;
      }
    }
    if (!any) break;
  }
  // Splice from the back so indices stay valid.
  const order = places.map((pl, k) => ({ pl, k })).sort((a, b) => b.pl.index - a.pl.index);
  for (const { pl, k } of order) {
    const n = counts[k]!;
    if (n === 0) continue;
    const c = clusters[pl.index]!;
    const gid = tatweelGlyph(p, c);
    const ax = p.items[c.item]!.font.font.glyphHAdvance(gid);
    const inserted: LineCluster[] = [];
    for (let j = 0; j < n; j++) {
      inserted.push({
        start: c.start,
        end: c.start,
        level: c.level,
        item: c.item,
        glyphs: [{ gid, cluster: c.start, ax, dx: 0, dy: 0, flags: 0 }],
        advance: ax,
        advances: [ax * c.scale],
        scale: c.scale,
        kashida: true,
      });
    }
    clusters.splice(pl.index, 0, ...inserted);
  }
  return extra - left;
}
