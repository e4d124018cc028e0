/**
 * The PDF exporter's parts on their own: ToUnicode blocks, glyph-id-keeping subsets, what each
 * glyph extracts as, pagination rules, the QR code, and copy-and-paste of hard cases
 * (lam-alef, ZWNJ, hamza above, kashida, § 22 (2) inside Persian) through poppler and pdf.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { findLanguage } from '../../src/languages.js';
import { layoutParagraph } from '../../src/typeset/index.js';
import { harfbuzz, loadFont } from '../../src/typeset/harfbuzz.js';
import type { PositionedGlyph } from '../../src/typeset/types.js';
import type { GlyphLine, LaidOutDocument, Tag } from '../../src/layout/frame.js';
import { paginate, type Row } from '../../src/layout/paginate.js';
import { qrBoxes, qrCode, QUIET_ZONE } from '../../src/layout/qr.js';
import { planLine } from '../../src/export/pdf/extraction.js';
import { subsetGlyphs } from '../../src/export/font-subset.js';
import { toUnicodeCMap } from '../../src/export/pdf/tounicode.js';
import { writePdf } from '../../src/export/pdf/index.js';
import { haveTools } from '../support/tools.js';
import { normalize, pdfjsText, popplerText, tempDir } from './text.js';

const BLACK = { r: 0, g: 0, b: 0 };

describe('ToUnicode CMap', () => {
  it('writes bfchar blocks of at most 100 entries and leaves out codes without text', () => {
    const map = new Map<number, string>();
    for (let i = 1; i <= 250; i++) map.set(i, String.fromCodePoint(0x600 + i));
    map.set(251, '');
    map.set(252, '𝄞');
    const cmap = toUnicodeCMap(map);
    const counts = [...cmap.matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([100, 100, 51]);
    expect(cmap).not.toContain('<00FB>');
    expect(cmap).toContain('<00FC> <D834DD1E>');
  });
});

describe('hb-subset with glyph ids kept', () => {
  it('keeps the outlines of the listed glyphs at their ids and drops the rest', async () => {
    const font = await loadFont('vazirmatn-regular');
    const keep = [5, 681, 1302];
    const subset = await subsetGlyphs(font.bytes, keep);
    expect(subset.length).toBeLessThan(font.bytes.length / 5);
    const hb = await harfbuzz();
    const small = new hb.Font(new hb.Face(new hb.Blob(subset), 0));
    for (const gid of keep) expect(small.glyphToPath(gid)).toBe(font.font.glyphToPath(gid));
    expect(font.font.glyphToPath(700)).not.toBe('');
    expect(small.glyphToPath(700)).toBe('');
  }, 60_000);
});

function glyph(partial: Partial<PositionedGlyph>): PositionedGlyph {
  return { font: 'vazirmatn-regular', glyphId: 10, size: 10, x: 0, y: 0, advance: 5, text: '', cluster: 0, rtl: true, run: 0, ...partial };
}

function line(glyphs: PositionedGlyph[], direction: 'ltr' | 'rtl' = 'rtl'): GlyphLine {
  return { kind: 'glyphs', x: 0, baseline: 10, glyphs, colour: BLACK, direction, tags: [{ from: 0, tag: { node: 1 } }] };
}

describe('what glyphs extract as', () => {
  const blank = () => 3;
  const texts = (l: GlyphLine) => planLine(l, blank).segments.flatMap((s) => s.pieces.map((p) => p.text));

  it('maps an RTL cluster to its text reversed (lam-alef → «ال»)', () => {
    expect(texts(line([glyph({ text: 'لا', glyphId: 1302 })]))).toEqual(['ال']);
  });

  it('keeps left-to-right clusters as they are', () => {
    expect(texts(line([glyph({ text: 'fi', rtl: false })], 'ltr'))).toEqual(['fi']);
  });

  it('draws kashida as an outline and widens the glyph before it over the gap', () => {
    const plan = planLine(line([
      glyph({ text: 'س', x: 0, advance: 5, cluster: 1 }),
      glyph({ kashida: true, x: 5, advance: 4, cluster: 0 }),
      glyph({ text: 'ا', x: 9, advance: 3, cluster: 0 }),
    ]), blank);
    expect(plan.strokes).toHaveLength(1);
    const pieces = plan.segments.flatMap((s) => s.pieces);
    expect(pieces.map((p) => p.text)).toEqual(['س', 'ا']);
    expect(pieces[0].width).toBe(900);
  });

  it('maps the inserted hyphen to a hyphen-minus', () => {
    expect(texts(line([glyph({ text: 'Le', rtl: false }), glyph({ text: '', hyphen: true, rtl: false, x: 5, cluster: 2 })], 'ltr'))).toEqual(['Le', '-']);
  });

  it('moves ZWNJ onto the previous cluster in RTL text so pdf.js keeps it', () => {
    const l = line([
      glyph({ text: 'ا', cluster: 2, x: 0 }),
      glyph({ text: '\u200C', cluster: 1, x: 5, advance: 0, glyphId: 3 }),
      glyph({ text: 'ه', cluster: 0, x: 5 }),
    ]);
    expect(texts(l)).toEqual(['ا', '\u200Cه']);
  });

  it('puts trailing marks on a zero-width carrier before their base', () => {
    const pieces = planLine(line([glyph({ text: 'ه\u0654', glyphId: 853 })]), blank).segments[0].pieces;
    expect(pieces.map((p) => [p.glyphId, p.text, p.width])).toEqual([[3, '\u0654', 0], [853, 'ه', undefined]]);
  });

  it('puts the segments of a line in reading order', () => {
    const plan = planLine(line([
      glyph({ text: 'b', cluster: 5, font: 'pt-serif-regular' }),
      glyph({ text: 'a', cluster: 0, x: 5 }),
    ]), blank);
    expect(plan.segments.map((s) => s.font)).toEqual(['vazirmatn-regular', 'pt-serif-regular']);
  });
});

describe('pagination', () => {
  const row = (extra: Partial<Row> = {}): Row => ({ height: 10, spaceBefore: 0, avoidBreakBefore: false, draw: () => [], ...extra });

  it('fills pages and drops the space before a row at the top of a page', () => {
    const pages = paginate([row(), row({ spaceBefore: 5 }), row({ spaceBefore: 5 })], 25);
    expect(pages.map((p) => p.map((x) => x.top))).toEqual([[0, 15], [0]]);
  });

  it('moves a widow’s line up the break, and never leaves a heading at the foot', () => {
    const widow = paginate([row(), row(), row(), row({ avoidBreakBefore: true })], 30);
    expect(widow.map((p) => p.length)).toEqual([2, 2]);
    const heading = paginate([row(), row({ keepWithNext: true }), row(), row({ avoidBreakBefore: true })], 30);
    expect(heading.map((p) => p.length)).toEqual([1, 3]);
  });

  it('does not end a page with a hyphenated line', () => {
    expect(paginate([row(), row({ hyphenated: true }), row()], 20).map((p) => p.length)).toEqual([1, 2]);
  });
});

describe('QR code', () => {
  it('draws error correction level M with a four-module quiet zone', async () => {
    const url = 'https://postsovietleft.org/statements/humanitarian-visas/fa-AF/';
    const code = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(code.errorCorrectionLevel.bit).toBe(QRCode.create('x', { errorCorrectionLevel: 'M' }).errorCorrectionLevel.bit);
    const tag: Tag = { node: 1 };
    const size = 90;
    const boxes = qrBoxes(await qrCode(url), 0, 0, size, BLACK, tag);
    const unit = size / (code.modules.size + 2 * QUIET_ZONE);
    // Every dark module of the encoder's matrix, and nothing else, is covered.
    const drawn = new Set<number>();
    for (const b of boxes) {
      const row = Math.round(b.y / unit) - QUIET_ZONE;
      const first = Math.round(b.x / unit) - QUIET_ZONE;
      for (let col = first; col < first + Math.round(b.width / unit); col++) drawn.add(row * code.modules.size + col);
    }
    const dark = [...code.modules.data].flatMap((d, i) => (d ? [i] : []));
    expect([...drawn].sort((a, b) => a - b)).toEqual(dark);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(QUIET_ZONE * unit - 1e-9);
      expect(b.y + b.height).toBeLessThanOrEqual(size - QUIET_ZONE * unit + 1e-9);
    }
  });
});

const tools = haveTools('pdftotext');

describe.skipIf(!tools)('copy and paste of hard cases', () => {
  async function roundTrip(tag: string, text: string): Promise<{ poppler: string; pdfjs: string; raw: string[] }> {
    const lang = findLanguage(tag)!;
    const layout = await layoutParagraph({ runs: [{ text, style: 'regular' }], lang, size: 12, width: 400, lineHeight: 1.6, align: 'justify' });
    const items: GlyphLine[] = layout.lines.map((l) => ({
      kind: 'glyphs', x: 80, baseline: 100 + l.baseline, glyphs: l.glyphs, colour: BLACK, direction: layout.direction, tags: [{ from: 0, tag: { node: 1 } }],
    }));
    const doc: LaidOutDocument = {
      info: { lang: tag, title: 't', author: 'a', subject: 's', date: new Date(0), creator: 'test' },
      frames: [{ width: 595, height: 842, items }],
      structure: { id: 0, role: 'Document', children: [{ id: 1, role: 'P', children: [] }] },
    };
    const bytes = await writePdf(doc);
    const file = path.join(tempDir(), 'case.pdf');
    fs.writeFileSync(file, bytes);
    const raw = [popplerText(file), await pdfjsText(bytes)];
    return { poppler: normalize(raw[0]), pdfjs: normalize(raw[1]), raw };
  }

  it.each([
    ['fa', 'میدان اورانین‌پلاتس برلین'],
    ['fa', 'صدور ویزاهای بشردوستانه بر اساس § ۲۲ (۲) قانون اقامت (Aufenthaltsgesetz) را متوقف کرده است.'],
    ['fa', 'ائتلاف تازهٔ حاکم در آلمان عملاً صدور را متوقف کرده است.'],
    ['ar', 'أوقف الائتلاف فعليًا إصدار التأشيرات بموجب § 22 (2) من قانون الإقامة، والآن يسود الصمت.'],
    ['be', 'Мы не «добрыя белыя мігранты». Ўсё ж такі.'],
  ])('%s: %s', async (tag, text) => {
    const { poppler, pdfjs } = await roundTrip(tag, text);
    expect(poppler).toBe(normalize(text));
    expect(pdfjs).toBe(normalize(text));
  }, 60_000);

  it('keeps ZWNJ in the extracted text of both tools', async () => {
    const { raw } = await roundTrip('fa', 'برنامه‌ای می‌شوند');
    for (const text of raw) expect(text.replace(/[\u061C\u200F\u202A-\u202E]/g, '')).toContain('برنامه\u200Cای می\u200Cشوند');
  }, 60_000);
});
