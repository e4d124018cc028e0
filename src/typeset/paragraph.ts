/**
 * Preparing a paragraph: bidi levels, itemizing by level × script × font (with fallback along
 * the language's font chain), and shaping every item once with the whole paragraph as context.
 * The result is a list of clusters in logical order, with widths that line breaking can add up.
 */
import type { FontId } from '../fonts.js';
import type { Language } from '../languages.js';
import { embeddingLevels } from './bidi.js';
import { loadFont, type LoadedFont } from './harfbuzz.js';
import { resolveScripts, type ItemScript } from './script.js';
import { FLAG_SAFE_TO_INSERT_TATWEEL, FLAG_UNSAFE_TO_BREAK, hbLanguage, shapeRange, type ShapedGlyph } from './shape.js';
import type { ParagraphInput } from './types.js';

export interface Item {
  start: number;
  end: number;
  level: number;
  script: ItemScript;
  font: LoadedFont;
  run: number;
}

export interface Cluster {
  /** Logical character range [start, end). */
  start: number;
  end: number;
  level: number;
  item: number;
  /** Glyphs of the cluster in visual order, as HarfBuzz output them. */
  glyphs: ShapedGlyph[];
  /** Sum of the advances, in font units. */
  advance: number;
}

export interface Prepared {
  text: string;
  input: ParagraphInput;
  lang: Language;
  direction: 'ltr' | 'rtl';
  paragraphLevel: number;
  levels: Uint8Array;
  runOf: Uint16Array;
  items: Item[];
  clusters: Cluster[];
  /** Per UTF-16 index: the cluster starting there, or -1. */
  clusterAt: Int32Array;
  /** Prefix sums of cluster widths in the caller's unit: width of [s, e) = P[e] - P[s]. */
  prefix: Float64Array;
  /** Per UTF-16 index: breaking before this character and shaping apart would change glyphs. */
  unsafe: Uint8Array;
  hbLang: string;
  size: number;
  /** The language's first regular font: its ascender and descender set the line box. */
  primary: LoadedFont;
  /** The text as HarfBuzz sees it: same length, tabs as spaces (fonts have no tab glyph). */
  shapeText: string;
}

/** Characters that end a line by themselves and are not shaped. */
export function isHardBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c || c === 0x85;
}

const MARK_OR_JOINER_RE = /^[\p{M}\u200c\u200d\u2060\ufe00-\ufe0f\u180b-\u180d]$/u;
const COMMON_RE = /^[\p{Zs}\p{P}\p{S}\p{N}\p{Cf}\p{Cc}]$/u;
const MARK_OR_JOINER = 1;
const COMMON = 2;
/** Character kinds of BMP code points for font selection, computed once (bit 4: known). */
const kindCache = new Uint8Array(0x10000);

function charKind(ch: string): number {
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    const k = kindCache[c]!;
    if (k & 4) return k & 3;
    const v = (MARK_OR_JOINER_RE.test(ch) ? MARK_OR_JOINER : 0) | (COMMON_RE.test(ch) ? COMMON : 0);
    kindCache[c] = v | 4;
    return v;
  }
  return (MARK_OR_JOINER_RE.test(ch) ? MARK_OR_JOINER : 0) | (COMMON_RE.test(ch) ? COMMON : 0);
}

/** What preparing a paragraph gives before its size is known: everything but the widths. */
type Shaped = Omit<Prepared, 'input' | 'size' | 'prefix'>;

export async function prepare(input: ParagraphInput): Promise<Prepared> {
  const shaped = await shapedParagraph(input);
  // Widths in the caller's unit: the only part that depends on the size.
  const n = shaped.text.length;
  const prefix = new Float64Array(n + 1);
  const size = input.size;
  for (let i = 0; i < n; i++) {
    const c = shaped.clusterAt[i]!;
    const width = c < 0 ? 0 : (shaped.clusters[c]!.advance * size) / shaped.items[shaped.clusters[c]!.item]!.font.upem;
    prefix[i + 1] = prefix[i]! + width;
  }
  return { ...shaped, input, size, prefix };
}

/**
 * Recently shaped paragraphs. Shaping does not depend on the size (HarfBuzz works in font
 * units here), and the same paragraph is often laid out at several: a share card tries a title
 * at five or six sizes for each of four formats, a PDF sets its text for A4 and A5. Few
 * entries, so that a build of many statements keeps no more than the paragraphs in hand.
 */
const shapedCache = new Map<string, Promise<Shaped>>();
const SHAPED_CACHE_SIZE = 64;

function shapedParagraph(input: ParagraphInput): Promise<Shaped> {
  const lang = input.lang;
  const key = JSON.stringify([input.runs.map((r) => [r.text, r.style]), input.direction ?? lang.dir, lang.tag, lang.script, lang.otLanguage ?? '', lang.fonts]);
  let shaped = shapedCache.get(key);
  if (shaped) {
    shapedCache.delete(key); // most recently used last
  } else {
    shaped = shape(input);
    if (shapedCache.size >= SHAPED_CACHE_SIZE) shapedCache.delete(shapedCache.keys().next().value!);
  }
  shapedCache.set(key, shaped);
  return shaped;
}

async function shape(input: ParagraphInput): Promise<Shaped> {
  const lang = input.lang;
  const direction = input.direction ?? lang.dir;
  let text = '';
  const runStarts: number[] = [];
  for (const r of input.runs) {
    runStarts.push(text.length);
    text += r.text;
  }
  const n = text.length;
  const runOf = new Uint16Array(n);
  input.runs.forEach((r, i) => runOf.fill(i, runStarts[i]!, runStarts[i]! + r.text.length));

  const { levels, paragraphs } = embeddingLevels(text, direction);
  const paragraphLevel = paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  const scripts = resolveScripts(text, lang.script);

  // Fonts: the chain of each run's style, all loaded.
  const chains: LoadedFont[][] = await Promise.all(
    input.runs.map((r) => Promise.all(lang.fonts[r.style].map((id: FontId) => loadFont(id)))),
  );

  // Font per character: marks and joiners stay with their base; Common characters stay in
  // the previous character's font when it has them; others take the first font that has them.
  const chainIndex = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = len === 2 ? text.slice(i, i + 2) : text[i]!;
    const chain = chains[runOf[i]!]!;
    let k = -1;
    if (i > 0 && runOf[i - 1] === runOf[i] && !isHardBreak(text.charCodeAt(i - 1))) {
      const prev = chainIndex[i - 1]!;
      const kind = charKind(ch);
      if (kind & MARK_OR_JOINER || (kind & COMMON && chain[prev]!.unicodes.has(cp))) k = prev;
    }
    if (k < 0) {
      k = chain.findIndex((f) => f.unicodes.has(cp));
      if (k < 0) k = 0;
    }
    chainIndex[i] = k;
    if (len === 2) chainIndex[i + 1] = k;
    i += len;
  }

  const hbLang = hbLanguage(lang);
  const shapeText = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
  let items: Item[] = [];
  let clusters: Cluster[] = [];
  // Shape; a cluster that comes out as glyph 0 moves to the next font of its chain.
  for (let pass = 0; pass < 8; pass++) {
    items = itemize(text, levels, scripts, chainIndex, runOf, chains);
    clusters = [];
    let moved = false;
    items.forEach((item, idx) => {
      const glyphs = shapeRange(item.font, shapeText, item.start, item.end, {
        rtl: (item.level & 1) === 1,
        script: item.script === 'Zyyy' ? lang.script : item.script,
        language: hbLang,
        tatweel: item.script === 'Arab',
      });
      const groups = groupClusters(glyphs, item, idx);
      for (const c of groups) {
        if (c.glyphs.some((g) => g.gid === 0)) {
          const chain = chains[item.run]!;
          const k = chainIndex[c.start]!;
          if (k + 1 < chain.length) {
            chainIndex.fill(k + 1, c.start, c.end);
            moved = true;
          }
        }
      }
      clusters.push(...groups);
    });
    if (!moved) break;
  }

  const clusterAt = new Int32Array(n).fill(-1);
  // Unsafe unless shown safe: a position inside a cluster (a ligature such as "fi" cut by a
  // hyphenation point) always needs reshaping.
  const unsafe = new Uint8Array(n + 1).fill(1);
  unsafe[n] = 0;
  for (let i = 0; i < n; i++) if (isHardBreak(text.charCodeAt(i))) unsafe[i] = unsafe[i + 1] = 0;
  clusters.forEach((c, i) => {
    clusterAt[c.start] = i;
    unsafe[c.start] = c.glyphs.some((g) => g.flags & FLAG_UNSAFE_TO_BREAK) ? 1 : 0;
  });

  const primary = await loadFont(lang.fonts.regular[0]!);
  return { text, lang, direction, paragraphLevel, levels, runOf, items, clusters, clusterAt, unsafe, hbLang, shapeText, primary };
}

function itemize(
  text: string,
  levels: Uint8Array,
  scripts: ItemScript[],
  chainIndex: Uint8Array,
  runOf: Uint16Array,
  chains: LoadedFont[][],
): Item[] {
  const items: Item[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isHardBreak(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const level = levels[i]!;
    const script = scripts[i]!;
    const k = chainIndex[i]!;
    const run = runOf[i]!;
    i++;
    while (
      i < n &&
      levels[i] === level &&
      scripts[i] === script &&
      chainIndex[i] === k &&
      runOf[i] === run &&
      !isHardBreak(text.charCodeAt(i))
    ) i++;
    items.push({ start, end: i, level, script, font: chains[run]![k]!, run });
  }
  return items;
}

/** Group HarfBuzz output (visual order) into clusters in logical order. */
export function groupClusters(glyphs: ShapedGlyph[], item: { start: number; end: number; level: number }, itemIndex: number): Cluster[] {
  const groups: Cluster[] = [];
  let i = 0;
  while (i < glyphs.length) {
    const c = glyphs[i]!.cluster;
    let j = i;
    let advance = 0;
    while (j < glyphs.length && glyphs[j]!.cluster === c) advance += glyphs[j++]!.ax;
    groups.push({ start: c, end: 0, level: item.level, item: itemIndex, glyphs: glyphs.slice(i, j), advance });
    i = j;
  }
  if (item.level & 1) groups.reverse();
  for (let g = 0; g < groups.length; g++) groups[g]!.end = g + 1 < groups.length ? groups[g + 1]!.start : item.end;
  return groups;
}

export function isTatweelSafe(c: Cluster): boolean {
  return c.glyphs.some((g) => g.flags & FLAG_SAFE_TO_INSERT_TATWEEL);
}
