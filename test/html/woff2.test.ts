import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import wawoff2 from 'wawoff2';
import { FONTS, type FontId } from '../../src/fonts.js';
import { woff2 } from '../../src/export/html/woff2.js';
import { subsetText } from '../../src/export/font-subset.js';
import { transformGlyf } from '../../src/export/html/glyf-transform.js';
import { harfbuzz } from '../../src/typeset/harfbuzz.js';

/** Table tag → bytes, read from an sfnt's table directory. */
function tables(sfnt: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < buf.readUInt16BE(4); i++) {
    const r = 12 + 16 * i;
    out.set(buf.toString('latin1', r, r + 4), buf.subarray(buf.readUInt32BE(r + 8), buf.readUInt32BE(r + 8) + buf.readUInt32BE(r + 12)));
  }
  return out;
}

/** The font's hmtx with the left side bearing of every glyph without contours set to 0. */
function emptyBearingsZeroed(font: Map<string, Buffer>): Buffer {
  const hmtx = Buffer.from(font.get('hmtx')!);
  const [glyf, loca] = [font.get('glyf')!, font.get('loca')!];
  const long = font.get('head')!.readInt16BE(50) === 1;
  const offset = (g: number) => (long ? loca.readUInt32BE(4 * g) : 2 * loca.readUInt16BE(2 * g));
  const hMetrics = font.get('hhea')!.readUInt16BE(34);
  for (let g = 0; g < font.get('maxp')!.readUInt16BE(4); g++) {
    if (offset(g + 1) > offset(g) && glyf.readInt16BE(offset(g)) !== 0) continue;
    hmtx.writeInt16BE(0, g < hMetrics ? 4 * g + 2 : 4 * hMetrics + 2 * (g - hMetrics));
  }
  return hmtx;
}

/** The transform version of a table in a WOFF2 file's directory (0–3). */
function transformVersion(file: Uint8Array, tag: string): number | undefined {
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep'];
  let at = 48;
  const base128 = () => {
    let n = 0;
    for (let more = true; more; at++) {
      n = n * 128 + (file[at]! & 0x7f);
      more = (file[at]! & 0x80) !== 0;
    }
    return n;
  };
  for (let i = 0; i < new DataView(file.buffer, file.byteOffset).getUint16(12); i++) {
    const flags = file[at++]!;
    const name = (flags & 63) === 63 ? Buffer.from(file.subarray(at, (at += 4))).toString('latin1') : known[flags & 63];
    const version = flags >> 6;
    base128();
    const transformed = name === 'glyf' || name === 'loca' ? version === 0 : version !== 0;
    if (transformed) base128();
    if (name === tag) return version;
  }
  return undefined;
}

describe('WOFF2 encoder', () => {
  const cases: [FontId, string][] = [
    ['pt-serif-regular', 'Statement of the Post-Soviet Left, 2025 — «Заявление»'],
    ['noto-naskh-arabic-regular', 'بيان اليسار ما بعد السوفيتي ٢٠٢٥'],
    ['vazirmatn-bold', 'بیانیه چپ پساشوروی ۱۴۰۴'],
  ];
  for (const [id, text] of cases) {
    it(`${id}: Google's WOFF2 decoder gives back every table, and every glyph outline and box`, async () => {
      const sfnt = await subsetText(fs.readFileSync(FONTS[id].file), text);
      const file = await woff2(sfnt);
      expect(Buffer.from(file.subarray(0, 4)).toString('latin1')).toBe('wOF2');
      expect(new DataView(file.buffer, file.byteOffset).getUint32(8)).toBe(file.length);
      expect(file.length % 4).toBe(0);
      const decoded = tables(await wawoff2.decompress(file));
      const original = tables(sfnt);
      expect([...decoded.keys()].sort()).toEqual([...original.keys()].sort());
      for (const [tag, bytes] of original) {
        // glyf and loca are rebuilt from the transformed streams: compared by outline below.
        if (tag === 'glyf' || tag === 'loca') continue;
        // The decoder rewrites head's checkSumAdjustment (bytes 8–11) for the font it rebuilds.
        if (tag === 'head') expect(Buffer.concat([decoded.get(tag)!.subarray(0, 8), decoded.get(tag)!.subarray(12)])).toEqual(Buffer.concat([bytes.subarray(0, 8), bytes.subarray(12)]));
        // hmtx is rebuilt from the glyph boxes, which give a glyph that draws nothing a bearing of 0.
        else if (tag === 'hmtx') expect(decoded.get(tag), tag).toEqual(emptyBearingsZeroed(original));
        else expect(decoded.get(tag), tag).toEqual(bytes);
      }
      const hb = await harfbuzz();
      const open = (bytes: Uint8Array) => new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
      const before = open(sfnt);
      const after = open(await wawoff2.decompress(file));
      const glyphs = original.get('maxp')!.readUInt16BE(4);
      expect(glyphs).toBeGreaterThan(10);
      let drawn = 0;
      for (let gid = 0; gid < glyphs; gid++) {
        expect(after.glyphToPath(gid), `outline of glyph ${gid}`).toBe(before.glyphToPath(gid));
        expect(after.glyphExtents(gid), `box of glyph ${gid}`).toEqual(before.glyphExtents(gid));
        if (before.glyphToPath(gid).length > 0) drawn++;
      }
      expect(drawn).toBeGreaterThan(10);
      expect(file.length).toBeLessThan(sfnt.length * 0.75);
    });
  }

  it('keeps every glyph of whole fonts (hinting instructions and composite glyphs included)', async () => {
    const hb = await harfbuzz();
    const open = (bytes: Uint8Array) => new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
    for (const id of ['noto-naskh-arabic-bold', 'pt-serif-italic'] as FontId[]) {
      const sfnt = fs.readFileSync(FONTS[id].file);
      const before = open(sfnt);
      const after = open(await wawoff2.decompress(await woff2(sfnt)));
      const glyphs = tables(sfnt).get('maxp')!.readUInt16BE(4);
      let different = 0;
      for (let gid = 0; gid < glyphs; gid++) {
        if (after.glyphToPath(gid) !== before.glyphToPath(gid) || JSON.stringify(after.glyphExtents(gid)) !== JSON.stringify(before.glyphExtents(gid))) different++;
      }
      expect(glyphs, id).toBeGreaterThan(700);
      expect(different, id).toBe(0);
      // The hinting instructions survive too: glyf comes back within 4 bytes a glyph of its size
      // (padding and flag packing differ), where dropping them would lose tens of kilobytes.
      expect(Math.abs(tables(await wawoff2.decompress(await woff2(sfnt))).get('glyf')!.length - tables(sfnt).get('glyf')!.length)).toBeLessThan(glyphs * 4);
    }
  }, 60_000);

  it('leaves out the bearings of hmtx when they are the glyph boxes, and keeps them when they are not', async () => {
    const sfnt = await subsetText(fs.readFileSync(FONTS['pt-serif-regular'].file), 'Statement 2025');
    expect(transformVersion(await woff2(sfnt), 'glyf')).toBe(0);
    expect(transformVersion(await woff2(sfnt), 'hmtx')).toBe(1);
    // One glyph with contours whose bearing is not its xMin: hmtx goes as it is.
    const font = tables(sfnt);
    const hMetrics = font.get('hhea')!.readUInt16BE(34);
    const drawn = [...Array(hMetrics).keys()].find((g) => emptyBearingsZeroed(font).readInt16BE(4 * g + 2) !== 0)!;
    const changed = Buffer.from(sfnt);
    const hmtxAt = changed.indexOf(font.get('hmtx')!);
    changed.writeInt16BE(changed.readInt16BE(hmtxAt + 4 * drawn + 2) + 1, hmtxAt + 4 * drawn + 2);
    const file = await woff2(changed);
    expect(transformVersion(file, 'hmtx')).toBe(0);
    expect(tables(await wawoff2.decompress(file)).get('hmtx')).toEqual(tables(changed).get('hmtx'));
  });

  it('is deterministic', async () => {
    const sfnt = await subsetText(fs.readFileSync(FONTS['pt-serif-bold'].file), 'abc');
    expect(Buffer.from(await woff2(sfnt))).toEqual(Buffer.from(await woff2(sfnt)));
  });

  it('writes a glyph with a header but no contours as an empty glyph, with no box or instructions', () => {
    // glyph 0: numberOfContours 0 and a box, nothing else; glyph 1: no data at all
    const glyf = Buffer.alloc(10);
    glyf.writeInt16BE(0, 0);
    glyf.writeInt16BE(5, 2);
    const loca = Buffer.alloc(3 * 4);
    loca.writeUInt32BE(10, 4);
    loca.writeUInt32BE(10, 8);
    const out = Buffer.from(transformGlyf({ glyf, loca, indexFormat: 1, numGlyphs: 2 }));
    expect(out.readUInt16BE(4)).toBe(2); // numGlyphs
    const sizes = Array.from({ length: 7 }, (_, i) => out.readUInt32BE(8 + 4 * i));
    // nContours: two zeros; no points, flags, coordinates, composites or instructions; the box
    // stream is only its bitmap (one 32-bit word), with no bit set
    expect(sizes).toEqual([4, 0, 0, 0, 0, 4, 0]);
    expect([...out.subarray(36)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
