/**
 * Splitting a text too long for one post into parts that each fit: at the last paragraph end
 * that fits, else the last sentence end or line break, else the last space. A part holds at
 * least one word, so a single word longer than the limit stands alone (the checker reports
 * the texts that cannot fit).
 */
import { endsSentence, type Word } from './text.js';

export function splitWords(list: Word[], fits: (part: Word[]) => boolean): Word[][] {
  const parts: Word[][] = [];
  let start = 0;
  while (start < list.length) {
    let end = furthestFit(list, start, fits);
    if (end < list.length) end = bestBreak(list, start, end);
    parts.push(list.slice(start, end));
    start = end;
  }
  return parts;
}

/** The largest end (exclusive) such that the words from start to it fit; at least start + 1. */
function furthestFit(list: Word[], start: number, fits: (part: Word[]) => boolean): number {
  let lo = start + 1;
  let hi = list.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(list.slice(start, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How good a place it is to break before word k: 3 a paragraph, 2 a sentence or line, 1 a space. */
function strength(list: Word[], k: number): number {
  const before = list[k]!.before;
  if (before.includes('\n\n')) return 3;
  if (before.includes('\n') || endsSentence(list[k - 1]!)) return 2;
  return 1;
}

function bestBreak(list: Word[], start: number, max: number): number {
  for (const wanted of [3, 2]) {
    for (let k = max; k > start; k--) if (strength(list, k) >= wanted) return k;
  }
  return max;
}
