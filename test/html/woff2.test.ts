import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import wawoff2 from 'wawoff2';
import { FONTS, type FontId } from '../../src/fonts.js';
import { woff2 } from '../../src/export/html/woff2.js';
import { subsetText } from '../../src/export/font-subset.js';
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
        // The decoder rewrites head's checkSumAdjustment (bytes 8–11) for the font it rebuilds.
        if (tag === 'head') expect(Buffer.concat([decoded.get(tag)!.subarray(0, 8), decoded.get(tag)!.subarray(12)])).toEqual(Buffer.concat([bytes.subarray(0, 8), bytes.subarray(12)]));
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
      // The hinting instructions survive too: glyf comes back byte for byte.
      expect(tables(await wawoff2.decompress(await woff2(sfnt))).get('glyf')).toEqual(tables(sfnt).get('glyf'));
    }
  }, 60_000);

  it('stores every table as it is: the null transform for glyf and loca, none for hmtx', async () => {
    const file = await woff2(await subsetText(fs.readFileSync(FONTS['pt-serif-regular'].file), 'Statement 2025'));
    expect(transformVersion(file, 'glyf')).toBe(3);
    expect(transformVersion(file, 'loca')).toBe(3);
    expect(transformVersion(file, 'hmtx')).toBe(0);
  });

  it('is deterministic', async () => {
    const sfnt = await subsetText(fs.readFileSync(FONTS['pt-serif-bold'].file), 'abc');
    expect(Buffer.from(await woff2(sfnt))).toEqual(Buffer.from(await woff2(sfnt)));
  });
});
