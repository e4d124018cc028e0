/**
 * A QR code as filled boxes: error correction M (readable with a fold or a smudge), and the
 * four-module quiet zone scanners need kept free around it. Dark modules of a row are merged
 * into one box per run to keep the page description small.
 */
// The encoder alone: the package's entry point also loads its PNG, SVG and terminal writers.
import { create } from 'qrcode/lib/core/qrcode.js';
import type { Box, Colour, Tag } from './frame.js';

export const QUIET_ZONE = 4;

export interface QrCode {
  /** Modules per side. */
  count: number;
  /** The runs of dark modules of each row. */
  runs: { row: number; start: number; end: number }[];
}

/** Encoded codes by text: a page's URL is asked for by both of its PDFs. */
const codes = new Map<string, Uint8Array>();

/** The code for `text`, error correction M. */
export async function qrCode(text: string): Promise<QrCode> {
  let bytes = codes.get(text);
  if (!bytes) codes.set(text, (bytes = encode(text)));
  const count = bytes[0]!;
  const runs: QrCode['runs'] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!bytes[1 + row * count + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && bytes[1 + row * count + col]) col++;
      runs.push({ row, start, end: col });
    }
  }
  return { count, runs };
}

/** The modules per side (one byte; a code has at most 177), then one byte per module, 1 dark. */
function encode(text: string): Uint8Array {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const bytes = new Uint8Array(1 + modules.size * modules.size);
  bytes[0] = modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) bytes[1 + row * modules.size + col] = modules.get(row, col) ? 1 : 0;
  }
  return bytes;
}

/** Boxes of a QR code filling a square of `size` points (quiet zone included) at x, y. */
export function qrBoxes(code: QrCode, x: number, y: number, size: number, colour: Colour, tag: Tag): Box[] {
  const unit = size / (code.count + 2 * QUIET_ZONE);
  return code.runs.map(({ row, start, end }) => ({
    kind: 'box',
    x: x + (QUIET_ZONE + start) * unit,
    y: y + (QUIET_ZONE + row) * unit,
    width: (end - start) * unit,
    height: unit,
    colour,
    tag,
  }));
}
