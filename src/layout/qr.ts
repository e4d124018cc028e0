/**
 * A QR code as filled boxes: error correction M (readable with a fold or a smudge), and the
 * four-module quiet zone scanners need kept free around it. Dark modules of a row are merged
 * into one box per run to keep the page description small.
 */
// The encoder alone: the package's entry point also loads its PNG, SVG and terminal writers.
import { create } from 'qrcode/lib/core/qrcode.js';
import type { Box, Colour, Tag } from './frame.js';

export const QUIET_ZONE = 4;

/** Boxes of the QR code for `text`, filling a square of `size` points (quiet zone included) at x, y. */
export function qrBoxes(text: string, x: number, y: number, size: number, colour: Colour, tag: Tag): Box[] {
  const { count, runs } = darkRuns(text);
  const unit = size / (count + 2 * QUIET_ZONE);
  return runs.map(({ row, start, end }) => ({
    kind: 'box',
    x: x + (QUIET_ZONE + start) * unit,
    y: y + (QUIET_ZONE + row) * unit,
    width: (end - start) * unit,
    height: unit,
    colour,
    tag,
  }));
}

interface Run {
  row: number;
  start: number;
  end: number;
}

// The A4 and A5 PDFs of a page carry the same code: encode it once (15 ms before V8 warms up).
let last: { text: string; count: number; runs: Run[] } | undefined;

/** The runs of dark modules of each row of the code for `text`, and its size in modules. */
function darkRuns(text: string): { count: number; runs: Run[] } {
  if (last?.text === text) return last;
  const code = create(text, { errorCorrectionLevel: 'M' });
  const count = code.modules.size;
  const runs: Run[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!code.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && code.modules.get(row, col)) col++;
      runs.push({ row, start, end: col });
    }
  }
  last = { text, count, runs };
  return last;
}
