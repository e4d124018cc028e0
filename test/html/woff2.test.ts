import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import wawoff2 from 'wawoff2';
import { FONTS, type FontId } from '../../src/fonts.js';
import { woff2 } from '../../src/export/html/woff2.js';

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

describe('WOFF2 encoder', () => {
  const cases: [FontId, string][] = [
    ['pt-serif-regular', 'Statement of the Post-Soviet Left, 2025 — «Заявление»'],
    ['noto-naskh-arabic-regular', 'بيان اليسار ما بعد السوفيتي ٢٠٢٥'],
    ['vazirmatn-bold', 'بیانیه چپ پساشوروی ۱۴۰۴'],
  ];
  for (const [id, text] of cases) {
    it(`${id}: Google's WOFF2 decoder gives back every table byte for byte`, async () => {
      const sfnt = await subsetFont(fs.readFileSync(FONTS[id].file), text, { targetFormat: 'truetype', noHinting: true });
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
      expect(file.length).toBeLessThan(sfnt.length * 0.75);
    });
  }

  it('is deterministic', async () => {
    const sfnt = await subsetFont(fs.readFileSync(FONTS['pt-serif-bold'].file), 'abc', { targetFormat: 'truetype' });
    expect(Buffer.from(await woff2(sfnt))).toEqual(Buffer.from(await woff2(sfnt)));
  });
});
