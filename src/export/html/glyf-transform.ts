/**
 * The WOFF2 glyf transform (W3C WOFF 2.0, section 5.1): the glyf table split into seven
 * streams that compress far better than TrueType's own layout (point counts, flags, coordinate
 * triplets, composites, bounding boxes, instructions), and loca left out for the decoder to
 * rebuild. Encoding follows Google's reference encoder (woff2/src/transform.cc).
 */

export interface GlyfInput {
  glyf: Uint8Array;
  loca: Uint8Array;
  /** head.indexToLocFormat: 0 for 16-bit offsets (divided by 2), 1 for 32-bit. */
  indexFormat: number;
  numGlyphs: number;
}

class Bytes {
  private data = new Uint8Array(256);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  u8(v: number): void {
    this.grow(1);
    this.data[this.length++] = v & 0xff;
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.data.set(b, this.length);
    this.length += b.length;
  }
  /** 255UInt16 (section 6.1.1). */
  u255(v: number): void {
    if (v < 253) this.u8(v);
    else if (v < 506) {
      this.u8(255);
      this.u8(v - 253);
    } else if (v < 762) {
      this.u8(254);
      this.u8(v - 506);
    } else {
      this.u8(253);
      this.u16(v);
    }
  }
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

// Simple glyph flags.
const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;
// Composite glyph flags.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

/** The transformed glyf table. */
export function transformGlyf({ glyf, loca, indexFormat, numGlyphs }: GlyfInput): Uint8Array {
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const offset = (i: number) => (indexFormat === 0 ? locaView.getUint16(i * 2) * 2 : locaView.getUint32(i * 4));
  const view = new DataView(glyf.buffer, glyf.byteOffset, glyf.byteLength);
  const nContours = new Bytes();
  const nPoints = new Bytes();
  const flags = new Bytes();
  const coords = new Bytes();
  const composites = new Bytes();
  const bboxes = new Bytes();
  const instructions = new Bytes();
  const bitmap = new Uint8Array(((numGlyphs + 31) >> 5) << 2);

  for (let g = 0; g < numGlyphs; g++) {
    const start = offset(g);
    const end = offset(g + 1);
    // No data, or a header with no contours (which draws nothing): an empty glyph, for which
    // the decoder reads nothing more, so nothing more may be written.
    const contours = end > start ? view.getInt16(start) : 0;
    nContours.u16(contours);
    if (contours === 0) continue;
    // Every non-empty glyph keeps its own box, so the decoder never has to compute one.
    bitmap[g >> 3]! |= 0x80 >> (g & 7);
    for (let k = 2; k < 10; k += 2) bboxes.u16(view.getUint16(start + k));
    if (contours < 0) {
      let at = start + 10;
      let hasInstructions = false;
      for (let more = true; more; ) {
        const f = view.getUint16(at);
        more = (f & MORE_COMPONENTS) !== 0;
        hasInstructions ||= (f & WE_HAVE_INSTRUCTIONS) !== 0;
        let size = 4 + (f & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (f & WE_HAVE_A_SCALE) size += 2;
        else if (f & WE_HAVE_AN_X_AND_Y_SCALE) size += 4;
        else if (f & WE_HAVE_A_TWO_BY_TWO) size += 8;
        composites.bytes(glyf.subarray(at, at + size));
        at += size;
      }
      if (hasInstructions) {
        const length = view.getUint16(at);
        coords.u255(length);
        instructions.bytes(glyf.subarray(at + 2, at + 2 + length));
      }
      continue;
    }
    simpleGlyph(glyf, view, start, contours, { nPoints, flags, coords, instructions });
  }

  const streams = [nContours, nPoints, flags, coords, composites, bboxes, instructions];
  const out = new Bytes();
  out.u16(0); // reserved
  out.u16(0); // optionFlags: no overlap bitmap
  out.u16(numGlyphs);
  out.u16(indexFormat);
  for (const s of streams) {
    const size = s === bboxes ? bitmap.length + s.length : s.length;
    out.u16(size >>> 16);
    out.u16(size & 0xffff);
  }
  for (const s of streams) {
    if (s === bboxes) out.bytes(bitmap);
    out.bytes(s.view());
  }
  return out.view();
}

function simpleGlyph(
  glyf: Uint8Array,
  view: DataView,
  start: number,
  contours: number,
  out: { nPoints: Bytes; flags: Bytes; coords: Bytes; instructions: Bytes },
): void {
  let at = start + 10;
  let previousEnd = -1;
  for (let c = 0; c < contours; c++) {
    const end = view.getUint16(at + c * 2);
    out.nPoints.u255(end - previousEnd);
    previousEnd = end;
  }
  const points = previousEnd + 1;
  at += contours * 2;
  const instructionLength = view.getUint16(at);
  const instructionBytes = glyf.subarray(at + 2, at + 2 + instructionLength);
  at += 2 + instructionLength;

  const pointFlags = new Uint8Array(points);
  for (let p = 0; p < points; ) {
    const f = glyf[at++]!;
    pointFlags[p++] = f;
    if (f & REPEAT) for (let r = glyf[at++]!; r > 0; r--) pointFlags[p++] = f;
  }
  // All x deltas, then all y deltas, each one or two bytes (or none) as its flag says.
  const deltas = (short: number, sameOrPositive: number): Int32Array => {
    const d = new Int32Array(points);
    for (let p = 0; p < points; p++) {
      const f = pointFlags[p]!;
      if (f & short) d[p] = f & sameOrPositive ? glyf[at++]! : -glyf[at++]!;
      else if (!(f & sameOrPositive)) {
        d[p] = view.getInt16(at);
        at += 2;
      }
    }
    return d;
  };
  const dx = deltas(X_SHORT, X_SAME_OR_POSITIVE);
  const dy = deltas(Y_SHORT, Y_SAME_OR_POSITIVE);
  for (let p = 0; p < points; p++) writeTriplet(out.flags, out.coords, (pointFlags[p]! & ON_CURVE) !== 0, dx[p]!, dy[p]!);
  out.coords.u255(instructionLength);
  out.instructions.bytes(instructionBytes);
}

/** One point as a flag byte and 1 to 4 coordinate bytes (section 5.2, the triplet encoding). */
function writeTriplet(flags: Bytes, coords: Bytes, onCurve: boolean, x: number, y: number): void {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const curve = onCurve ? 0 : 128;
  const xSign = x < 0 ? 0 : 1;
  const ySign = y < 0 ? 0 : 1;
  const signs = xSign + 2 * ySign;
  if (x === 0 && ay < 1280) {
    flags.u8(curve + ((ay & 0xf00) >> 7) + ySign);
    coords.u8(ay & 0xff);
  } else if (y === 0 && ax < 1280) {
    flags.u8(curve + 10 + ((ax & 0xf00) >> 7) + xSign);
    coords.u8(ax & 0xff);
  } else if (ax < 65 && ay < 65) {
    flags.u8(curve + 20 + ((ax - 1) & 0x30) + (((ay - 1) & 0x30) >> 2) + signs);
    coords.u8((((ax - 1) & 0xf) << 4) | ((ay - 1) & 0xf));
  } else if (ax < 769 && ay < 769) {
    flags.u8(curve + 84 + 12 * (((ax - 1) & 0x300) >> 8) + (((ay - 1) & 0x300) >> 6) + signs);
    coords.u8((ax - 1) & 0xff);
    coords.u8((ay - 1) & 0xff);
  } else if (ax < 4096 && ay < 4096) {
    flags.u8(curve + 120 + signs);
    coords.u8(ax >> 4);
    coords.u8(((ax & 0xf) << 4) | (ay >> 8));
    coords.u8(ay & 0xff);
  } else {
    flags.u8(curve + 124 + signs);
    coords.u16(ax);
    coords.u16(ay);
  }
}
