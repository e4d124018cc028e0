/**
 * A card's pixels, drawn here: the paper, satori's rectangles (the red rule) and every glyph
 * outline at the engine's position, with exact-area anti-aliasing (the accumulation method of
 * font-rs: each outline edge adds the area it covers to a buffer, and a running sum per
 * scanline gives every pixel's coverage).
 *
 * Why not librsvg through sharp, which drew the card's SVG before: half of its CPU went to
 * work per pixel (an RGBA surface, unpremultiplying, dropping alpha), the same for a blank card
 * as for a full one, and a cold build draws 28 cards of up to 2 million pixels. The 28 cards
 * of a statement took librsvg 0.8–1.1 s (on sharp's threads, more CPU than that), and take
 * this code 0.25 s. The card's SVG is still there, and the tests compare this raster with
 * librsvg's rendering of it.
 *
 * Plain floating-point arithmetic, the same on every machine: the same card gives the same
 * pixels.
 */
import type { FontId } from '../../fonts.js';
import type { Card } from './card.js';
import { glyphOutline } from './engine.js';
import { parsePath, type PathCommand } from '../../typeset/path.js';
import type { Raster } from './encode.js';
import { CARD_FORMATS } from './formats.js';

/** A composed card on `background`: its rectangles, then the glyphs of every text block. */
export function rasteriseCard(card: Card, background: string): Promise<Raster> {
  const glyphs: DrawGlyph[] = [];
  for (const placed of card.blocks) {
    const clip = { x: placed.x, y: placed.y, width: placed.width, height: placed.height };
    for (const g of placed.block.glyphs) {
      glyphs.push({ font: g.font, glyphId: g.glyphId, x: placed.x + g.x, y: placed.y + g.y, scale: g.scale, colour: placed.block.colour, clip });
    }
  }
  return drawCard(card.format.width, card.format.height, background, card.rects, glyphs);
}

/** A rectangle to fill, in canvas pixels. */
export interface FillRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** A glyph to draw: its outline in font units (y up), scaled by `scale` and put at (x, y) on the canvas. */
export interface DrawGlyph {
  font: FontId;
  glyphId: number;
  x: number;
  y: number;
  scale: number;
  colour: string;
  /** Pixels outside this box stay as they are (a text block clips to its box, as in the SVG). */
  clip: { x: number; y: number; width: number; height: number };
}

export async function drawCard(width: number, height: number, background: string, rects: FillRect[], glyphs: DrawGlyph[]): Promise<Raster> {
  // The background fill below writes every byte, so a reused or uninitialised buffer is fine.
  const data = rasterMemory(width * height * 3);
  fillRect(data, width, height, { x: 0, y: 0, width, height, fill: background });
  for (const rect of rects) fillRect(data, width, height, rect);
  const raster = { data, width, height };
  for (const g of glyphs) drawOutline(raster, await outline(g.font, g.glyphId), g);
  return raster;
}

/**
 * Memory for rasters, reused from card to card, each buffer with room for the largest card.
 * Fresh memory costs a page fault per 4 KB on first touch: filling a new 6 MB raster took 20 ms
 * on the build machine, a reused one 0.2 ms. With spares kept per size and four image jobs in
 * flight, a cold build of seven languages drew 16 of its 28 rasters in fresh memory (0.4 s of
 * page faults): renderShareCards therefore takes a turn (rasterTurn) before drawing, so that
 * at most RASTERS are drawn or waiting to be encoded at once, and they all fit in the spares.
 */
// Two: one being drawn while the last is encoded. Four let a title edit fault in 25 MB.
export const RASTERS = 2;
const CAPACITY = Math.max(...CARD_FORMATS.map((f) => f.width * f.height * 3));
const spare: Buffer[] = [];
const whole = new WeakMap<Buffer, Buffer>();
const turns: Array<() => void> = [];
let inFlight = 0;

/** Wait until fewer than RASTERS rasters are in flight on this thread; releaseRaster ends the turn. */
export async function rasterTurn(): Promise<void> {
  if (inFlight >= RASTERS) await new Promise<void>((resolve) => turns.push(resolve));
  inFlight++;
}

function rasterMemory(bytes: number): Buffer {
  if (bytes > CAPACITY) return Buffer.allocUnsafeSlow(bytes);
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(CAPACITY);
  const data = buffer.subarray(0, bytes);
  whole.set(data, buffer);
  return data;
}

/** Give a raster's memory back for the next card once its files are encoded (or failed), ending its turn. */
export function releaseRaster(raster: Raster): void {
  const buffer = whole.get(raster.data);
  if (buffer && spare.length < RASTERS) spare.push(buffer);
  whole.delete(raster.data);
  endRasterTurn();
}

/** End a turn taken with rasterTurn (releaseRaster does, for a raster that was drawn). */
export function endRasterTurn(): void {
  if (inFlight > 0) inFlight--;
  turns.shift()?.();
}

const colours = new Map<string, [number, number, number]>();

function rgb(colour: string): [number, number, number] {
  let c = colours.get(colour);
  if (!c) {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    if (!m) throw new Error(`drawCard: colour “${colour}” is not #rrggbb`);
    colours.set(colour, (c = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]));
  }
  return c;
}

/** Fill a rectangle; a partly covered edge pixel gets the colour in proportion to its coverage. */
function fillRect(data: Buffer, width: number, height: number, r: FillRect): void {
  const [cr, cg, cb] = rgb(r.fill);
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(width, r.x + r.width);
  const y1 = Math.min(height, r.y + r.height);
  if ([x0, y0, x1, y1].every(Number.isInteger)) {
    // Whole pixels (satori's boxes usually are): fill row by row with the colour's bytes.
    const pattern = Buffer.from([cr, cg, cb]);
    if (x0 === 0 && x1 === width) data.fill(pattern, y0 * width * 3, y1 * width * 3);
    else for (let y = y0; y < y1; y++) data.fill(pattern, (y * width + x0) * 3, (y * width + x1) * 3);
    return;
  }
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    const cy = Math.min(y + 1, y1) - Math.max(y, y0);
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const a = cy * (Math.min(x + 1, x1) - Math.max(x, x0));
      const i = (y * width + x) * 3;
      blend(data, i, cr, cg, cb, a);
    }
  }
}

function blend(data: Buffer, i: number, r: number, g: number, b: number, a: number): void {
  if (a >= 1) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  } else if (a > 0) {
    data[i] = Math.round(data[i]! + (r - data[i]!) * a);
    data[i + 1] = Math.round(data[i + 1]! + (g - data[i + 1]!) * a);
    data[i + 2] = Math.round(data[i + 2]! + (b - data[i + 2]!) * a);
  }
}

/** A glyph outline: commands in font units, and the extent of its points. */
export interface Outline {
  ops: PathCommand[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const outlines = new Map<string, Promise<Outline>>();

function outline(font: FontId, glyphId: number): Promise<Outline> {
  const key = `${font}/${glyphId}`;
  let o = outlines.get(key);
  if (!o) outlines.set(key, (o = glyphOutline(font, glyphId).then(parseOutline)));
  return o;
}

/** SVG path data as HarfBuzz writes it, with the box of its points. */
export function parseOutline(d: string): Outline {
  const ops = parsePath(d);
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const { v } of ops) {
    for (let k = 0; k < v.length; k += 2) {
      box.minX = Math.min(box.minX, v[k]!);
      box.maxX = Math.max(box.maxX, v[k]!);
      box.minY = Math.min(box.minY, v[k + 1]!);
      box.maxY = Math.max(box.maxY, v[k + 1]!);
    }
  }
  return { ops, ...box };
}

let scratch = new Float32Array(1 << 16);

/** Draw an outline (font units, y up) as `g` places it; its font and glyph id are not looked at. */
export function drawOutline({ data, width, height }: Raster, o: Outline, g: DrawGlyph): void {
  if (o.ops.length === 0) return;
  // The glyph's pixel box, a pixel wider than its points on every side.
  const left = Math.floor(g.x + o.minX * g.scale) - 1;
  const top = Math.floor(g.y - o.maxY * g.scale) - 1;
  const w = Math.ceil(g.x + o.maxX * g.scale) - left + 2;
  const h = Math.ceil(g.y - o.minY * g.scale) - top + 2;
  if (scratch.length < w * h + 2) scratch = new Float32Array(w * h + 2);
  const acc = scratch;
  acc.fill(0, 0, w * h + 2);
  const lines = new Accumulator(acc, w, h);
  const px = (x: number) => g.x + x * g.scale - left;
  const py = (y: number) => g.y - y * g.scale - top;
  let sx = 0, sy = 0, cx = 0, cy = 0;
  for (const { op, v } of o.ops) {
    if (op === 'M') {
      if (cx !== sx || cy !== sy) lines.line(cx, cy, sx, sy);
      sx = cx = px(v[0]!);
      sy = cy = py(v[1]!);
    } else if (op === 'L') {
      const x = px(v[0]!), y = py(v[1]!);
      lines.line(cx, cy, x, y);
      cx = x;
      cy = y;
    } else if (op === 'Q') {
      const x1 = px(v[0]!), y1 = py(v[1]!), x = px(v[2]!), y = py(v[3]!);
      lines.quad(cx, cy, x1, y1, x, y);
      cx = x;
      cy = y;
    } else if (op === 'C') {
      const x1 = px(v[0]!), y1 = py(v[1]!), x2 = px(v[2]!), y2 = py(v[3]!), x = px(v[4]!), y = py(v[5]!);
      lines.cubic(cx, cy, x1, y1, x2, y2, x, y);
      cx = x;
      cy = y;
    } else if (op === 'Z') {
      if (cx !== sx || cy !== sy) lines.line(cx, cy, sx, sy);
      cx = sx;
      cy = sy;
    }
  }
  if (cx !== sx || cy !== sy) lines.line(cx, cy, sx, sy);

  const [r, gr, b] = rgb(g.colour);
  // The clip box and the canvas, in the glyph box's own columns and rows.
  const x0 = Math.max(0, Math.ceil(g.clip.x - 1e-9)) - left;
  const y0 = Math.max(0, Math.ceil(g.clip.y - 1e-9)) - top;
  const x1 = Math.min(width, Math.floor(g.clip.x + g.clip.width + 1e-9)) - left;
  const y1 = Math.min(height, Math.floor(g.clip.y + g.clip.height + 1e-9)) - top;
  const xFrom = Math.max(0, x0);
  const xTo = Math.min(w, x1);
  // The running sum goes on over every pixel of the box, drawn or not (a row's areas sum to
  // about zero, not exactly): only what is drawn is limited to the clip.
  let sum = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (y < y0 || y >= y1 || xFrom >= xTo) {
      for (let x = 0; x < w; x++) sum += acc[row + x]!;
      continue;
    }
    for (let x = 0; x < xFrom; x++) sum += acc[row + x]!;
    let i = ((top + y) * width + left + xFrom) * 3;
    for (let x = xFrom; x < xTo; x++, i += 3) {
      sum += acc[row + x]!;
      const a = Math.min(1, Math.abs(sum));
      if (a < 1 / 512) continue;
      blend(data, i, r, gr, b, a);
    }
    for (let x = xTo; x < w; x++) sum += acc[row + x]!;
  }
}

/** Signed area of outline edges, accumulated per pixel (font-rs's draw_line, in a w × h box). */
class Accumulator {
  constructor(
    private readonly a: Float32Array,
    private readonly w: number,
    private readonly h: number,
  ) {}

  line(ax: number, ay: number, bx: number, by: number): void {
    if (ay === by) return;
    const down = ay < by;
    const dir = down ? 1 : -1;
    const x0p = down ? ax : bx;
    const y0p = down ? ay : by;
    const x1p = down ? bx : ax;
    const y1p = down ? by : ay;
    const dxdy = (x1p - x0p) / (y1p - y0p);
    let x = x0p;
    if (y0p < 0) x -= y0p * dxdy;
    const yEnd = Math.min(this.h, Math.ceil(y1p));
    for (let y = Math.max(0, Math.floor(y0p)); y < yEnd; y++) {
      const row = y * this.w;
      const dy = Math.min(y + 1, y1p) - Math.max(y, y0p);
      const xnext = x + dxdy * dy;
      const d = dy * dir;
      const xa = Math.min(x, xnext);
      const xb = Math.max(x, xnext);
      const xaFloor = Math.floor(xa);
      const xai = xaFloor;
      const xbCeil = Math.ceil(xb);
      const xbi = xbCeil;
      if (xbi <= xai + 1) {
        const xmf = 0.5 * (x + xnext) - xaFloor;
        this.a[row + xai] += d - d * xmf;
        this.a[row + xai + 1] += d * xmf;
      } else {
        const s = 1 / (xb - xa);
        const xaf = xa - xaFloor;
        const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
        const xbf = xb - xbCeil + 1;
        const am = 0.5 * s * xbf * xbf;
        this.a[row + xai] += d * a0;
        if (xbi === xai + 2) {
          this.a[row + xai + 1] += d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - xaf);
          this.a[row + xai + 1] += d * (a1 - a0);
          for (let xi = xai + 2; xi < xbi - 1; xi++) this.a[row + xi] += d * s;
          const a2 = a1 + (xbi - xai - 3) * s;
          this.a[row + xbi - 1] += d * (1 - a2 - am);
        }
        this.a[row + xbi] += d * am;
      }
      x = xnext;
    }
  }

  /** A quadratic Bézier as straight pieces, finer where it bends more (within about 0.1 px). */
  quad(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): void {
    const devx = x0 - 2 * x1 + x2;
    const devy = y0 - 2 * y1 + y2;
    const devsq = devx * devx + devy * devy;
    if (devsq < 0.333) {
      this.line(x0, y0, x2, y2);
      return;
    }
    const n = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * devsq)));
    let px = x0, py = y0;
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const u = 1 - t;
      const x = u * u * x0 + 2 * u * t * x1 + t * t * x2;
      const y = u * u * y0 + 2 * u * t * y1 + t * t * y2;
      this.line(px, py, x, y);
      px = x;
      py = y;
    }
  }

  cubic(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): void {
    const dev = Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
    const n = Math.min(64, 1 + Math.floor(Math.sqrt(Math.sqrt(3 * dev * dev)) * 1.5));
    let px = x0, py = y0;
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const u = 1 - t;
      const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
      const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
      this.line(px, py, x, y);
      px = x;
      py = y;
    }
  }
}
