/**
 * Pagination: rows (one line of text, or an unbreakable unit such as the closing block) go
 * onto pages top to bottom. A page may not break before a row that asks to stay with the
 * previous one (orphans and widows), nor after a row that keeps with the next (headings) or
 * ends in a hyphen;
 * when it would have to, the break moves up to the last allowed place.
 */
import type { FrameItem } from './frame.js';

export interface Row {
  height: number;
  /** Space above the row, dropped at the top of a page. */
  spaceBefore: number;
  /** Breaking the page just before this row is not allowed (when avoidable). */
  avoidBreakBefore: boolean;
  /** Breaking the page just after this row is not allowed (when avoidable). */
  keepWithNext?: boolean;
  /** The row ends in a hyphen: no page should end with half a word. */
  hyphenated?: boolean;
  /** Items of the row with its top at `top` (page coordinates). */
  draw(top: number): FrameItem[];
}

export interface Placed {
  row: Row;
  /** Top of the row from the top of the text area. */
  top: number;
}

export function paginate(rows: Row[], areaHeight: number): Placed[][] {
  const pages: Placed[][] = [];
  let start = 0;
  while (start < rows.length) {
    let y = 0;
    let end = start;
    while (end < rows.length) {
      const row = rows[end];
      const space = end === start ? 0 : row.spaceBefore;
      if (end > start && y + space + row.height > areaHeight) break;
      y += space + row.height;
      end++;
    }
    if (end < rows.length) {
      // Move the break up while it falls where it should not.
      let cut = end;
      while (cut > start + 1 && !breakAllowed(rows, cut)) cut--;
      if (breakAllowed(rows, cut)) end = cut;
    }
    pages.push(place(rows.slice(start, end)));
    start = end;
  }
  return pages;
}

function breakAllowed(rows: Row[], before: number): boolean {
  const previous = rows[before - 1];
  return !rows[before].avoidBreakBefore && !previous?.keepWithNext && !previous?.hyphenated;
}

function place(rows: Row[]): Placed[] {
  let y = 0;
  return rows.map((row, i) => {
    if (i > 0) y += row.spaceBefore;
    const placed = { row, top: y };
    y += row.height;
    return placed;
  });
}
