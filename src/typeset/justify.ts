/**
 * Justification of one line.
 *
 * - Latin and Cyrillic: the inter-word spaces stretch (or shrink, when optimal breaking chose a
 *   tight line).
 * - Arabic script: the spaces first, up to the language's `kashida.spaceFirst` of their width;
 *   then kashida — tatweel glyphs inserted where HarfBuzz flags a glyph
 *   SAFE_TO_INSERT_TATWEEL — one place per word chosen in the usual priority order, within the
 *   language's limits (kashida.ts); then the spaces take what whole tatweels cannot. Arabic
 *   script is never letter-spaced.
 */
import type { Prepared } from './paragraph.js';
import type { LineCluster } from './layout.js';
import { insertKashida } from './kashida.js';

/** Is the cluster an inter-word space that may stretch? */
export function isJustifiableSpace(text: string, c: LineCluster): boolean {
  if (c.end - c.start !== 1) return false;
  const ch = text.charCodeAt(c.start);
  return ch === 0x20 || ch === 0xa0 || ch === 0x3000;
}

/**
 * Spread `extra` (may be negative) over the line. Mutates `clusters` (advances, inserted
 * tatweels). Returns the width actually added.
 */
export function justifyLine(p: Prepared, clusters: LineCluster[], extra: number): number {
  if (Math.abs(extra) < 1e-9) return 0;
  let added = 0;
  const spaces = clusters.filter((c) => isJustifiableSpace(p.text, c));
  const policy = p.lang.kashida;
  if (extra > 0 && policy) {
    const spaceWidth = spaces.reduce((s, c) => s + c.advances.reduce((a, b) => a + b, 0), 0);
    const spacesFirst = Math.min(extra, spaceWidth * policy.spaceFirst);
    added += insertKashida(p, clusters, extra - spacesFirst);
  }
  const rest = extra - added;
  if (spaces.length === 0) return added;
  const each = rest / spaces.length;
  for (const c of spaces) {
    const last = c.advances.length - 1;
    c.advances[last] = c.advances[last]! + each;
  }
  return added + rest;
}
