/**
 * One embedded font: a Type0 font with Identity-H encoding over a CIDFontType2 whose
 * FontFile2 is the hb-subset of the original TTF with glyph ids kept.
 *
 * Character codes (CIDs) are handed out per (glyph, text) pair, not per glyph: the same glyph
 * can stand for different text in different places (a mirrored bracket in a right-to-left run,
 * the lam-alef ligature, a glyph that is the second of its cluster), and ToUnicode can only
 * say one text per code. CIDToGIDMap then maps each code back to its glyph id.
 */
import { PDFName, PDFNumber, PDFString, type PDFContext, type PDFRef } from './objects.js';
import { createHash } from 'node:crypto';
import { loadFont, type LoadedFont } from '../../typeset/harfbuzz.js';
import { parsePath } from '../../typeset/path.js';
import { FONTS, type FontId } from '../../fonts.js';
import { flateStream } from './flate.js';
import { subsetGlyphs } from '../font-subset.js';
import type { Memo } from '../../memo.js';
import { toUnicodeCMap } from './tounicode.js';

export class EmbeddedFont {
  readonly id: FontId;
  /** Resource name on the pages, e.g. F1. */
  readonly resource: string;
  private readonly codes = new Map<string, number>();
  private readonly glyphOf: number[] = [0];
  private readonly widthOf: number[] = [0];
  private readonly textOf = new Map<number, string>();

  private readonly font: LoadedFont;

  private constructor(font: LoadedFont, resource: string) {
    this.id = font.id;
    this.font = font;
    this.resource = resource;
  }

  static async open(id: FontId, resource: string): Promise<EmbeddedFont> {
    return new EmbeddedFont(await loadFont(id), resource);
  }

  /**
   * The character code that draws `glyphId`, extracts as `text` ('' extracts as nothing) and
   * advances by `width` (1/1000 em; the glyph's own advance by default).
   */
  code(glyphId: number, text: string, width?: number): number {
    const advance = width ?? unitsToThousandths(this.font, this.font.font.glyphHAdvance(glyphId));
    const key = `${glyphId}:${advance}:${text}`;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.glyphOf.length;
      if (code > 0xffff) throw new Error(`too many distinct glyphs in font ${this.id}`);
      this.glyphOf.push(glyphId);
      this.widthOf.push(advance);
      this.textOf.set(code, text);
      this.codes.set(key, code);
    }
    return code;
  }

  /** Advance of a code in 1/1000 em, as the W array states it. */
  width(code: number): number {
    return this.widthOf[code];
  }

  /** A glyph with no outline (the space), to carry text on its own. */
  blank(): number {
    return this.font.font.nominalGlyph(0x20) ?? 0;
  }

  /** The glyph's outline as PDF path operators in font units (y up). */
  outline(glyphId: number): string {
    let ops = outlines.get(this.font)?.get(glyphId);
    if (ops === undefined) {
      ops = svgPathToPdf(this.font.font.glyphToPath(glyphId));
      if (!outlines.has(this.font)) outlines.set(this.font, new Map());
      outlines.get(this.font)!.set(glyphId, ops);
    }
    return ops;
  }

  get upem(): number {
    return this.font.upem;
  }

  /** Write the font's objects; returns the Type0 font's reference. */
  async embed(context: PDFContext, memo: Memo): Promise<PDFRef> {
    const font = this.font;
    const ids = [...new Set(this.glyphOf)].sort((a, b) => a - b);
    // hb-subset is a sixth of a PDF's time before V8 warms up, and an edit rarely adds a glyph.
    const subset = await memo(`pdf subset\0${this.id}\0${ids.join(',')}`, () => subsetGlyphs(font.bytes, ids));
    const baseName = `${subsetTag(this.id, ids)}+${postScriptName(font)}`;
    const metrics = fontMetrics(font);

    const fontFile = context.register(flateStream(context, subset, { Length1: subset.length }));
    const descriptor = context.register(context.obj({
      Type: 'FontDescriptor',
      FontName: PDFName.of(baseName),
      Flags: 4 | (FONTS[this.id].italic ? 64 : 0) | (isSerif(this.id) ? 2 : 0),
      FontBBox: metrics.bbox,
      ItalicAngle: metrics.italicAngle,
      Ascent: metrics.ascent,
      Descent: metrics.descent,
      CapHeight: metrics.capHeight,
      StemV: FONTS[this.id].weight === 700 ? 140 : 80,
      FontFile2: fontFile,
    }));
    const cidToGid = new Uint8Array(this.glyphOf.length * 2);
    this.glyphOf.forEach((gid, cid) => {
      cidToGid[cid * 2] = gid >> 8;
      cidToGid[cid * 2 + 1] = gid & 0xff;
    });
    const widths = this.widthOf.slice(1);
    const cidFont = context.register(context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: PDFName.of(baseName),
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 0,
      W: widths.length ? [1, widths.map((w) => PDFNumber.of(w))] : [],
      CIDToGIDMap: context.register(flateStream(context, cidToGid)),
    }));
    const toUnicode = context.register(flateStream(context, toUnicodeCMap(this.textOf)));
    return context.register(context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: PDFName.of(baseName),
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }));
  }
}

function unitsToThousandths(font: LoadedFont, units: number): number {
  return Math.round((units * 1000) / font.upem);
}

function isSerif(id: FontId): boolean {
  return id.startsWith('pt-serif') || id.startsWith('noto-naskh');
}

/** Six capital letters derived from the glyph ids (in ascending order), as subset fonts are named (deterministic). */
function subsetTag(id: string, glyphIds: number[]): string {
  const digest = createHash('sha256').update(id).update(glyphIds.join(',')).digest();
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

function postScriptName(font: LoadedFont): string {
  const name = font.face.getName(6, 'en') || FONTS[font.id].family;
  return name.replace(/[^A-Za-z0-9-]/g, '');
}

interface Metrics {
  bbox: number[];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
}

/** Descriptor metrics from the font's head, hhea, OS/2 and post tables, in 1/1000 em. */
function fontMetrics(font: LoadedFont): Metrics {
  const scale = (v: number) => unitsToThousandths(font, v);
  const head = view(font.face.referenceTable('head'));
  const hhea = view(font.face.referenceTable('hhea'));
  const os2 = view(font.face.referenceTable('OS/2'));
  const post = view(font.face.referenceTable('post'));
  const bbox = head ? [36, 38, 40, 42].map((o) => scale(head.getInt16(o))) : [0, -300, 1000, 1000];
  const ascent = hhea ? scale(hhea.getInt16(4)) : 800;
  const descent = hhea ? scale(hhea.getInt16(6)) : -200;
  const capHeight = os2 && os2.getUint16(0) >= 2 && os2.byteLength >= 90 ? scale(os2.getInt16(88)) : ascent;
  const italicAngle = post ? post.getInt32(4) / 65536 : 0;
  return { bbox, italicAngle, ascent, descent, capHeight };
}

function view(table: Uint8Array | undefined): DataView | undefined {
  return table && table.byteLength > 0 ? new DataView(table.buffer, table.byteOffset, table.byteLength) : undefined;
}

// Drawn outlines (kashida strokes) repeat the same few glyphs hundreds of times a document.
const outlines = new WeakMap<LoadedFont, Map<number, string>>();

/** SVG path data (M, L, Q, C, Z in absolute coordinates, as HarfBuzz writes it) as PDF path operators. */
export function svgPathToPdf(d: string): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  for (const { op, v } of parsePath(d)) {
    if (op === 'M' || op === 'L') {
      [x, y] = v as [number, number];
      out.push(`${x} ${y} ${op === 'M' ? 'm' : 'l'}`);
    } else if (op === 'Q') {
      // Quadratic to cubic: control points two thirds of the way to the quadratic control.
      const [cx, cy, ex, ey] = v as [number, number, number, number];
      const c1x = x + (2 / 3) * (cx - x), c1y = y + (2 / 3) * (cy - y);
      const c2x = ex + (2 / 3) * (cx - ex), c2y = ey + (2 / 3) * (cy - ey);
      out.push(`${r(c1x)} ${r(c1y)} ${r(c2x)} ${r(c2y)} ${ex} ${ey} c`);
      x = ex;
      y = ey;
    } else if (op === 'C') {
      out.push(`${v.join(' ')} c`);
      x = v[4]!;
      y = v[5]!;
    } else {
      out.push('h');
    }
  }
  return out.join(' ');
}

function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}
