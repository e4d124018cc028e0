import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { FONTS, type FontId } from '../../src/fonts.js';
import { subsetGlyphs, subsetText } from '../../src/export/font-subset.js';
import { harfbuzz } from '../../src/typeset/harfbuzz.js';

/** Characters of the seed statement's languages, with punctuation, digits and a joiner. */
const TEXT = 'Statement 2025 — (§ 22) «Заявление» ўі Größe بيان ٢٠٢٥ بیانیه ۱۴۰۴ می‌شود؟';

describe('web font subsets (subsetText)', () => {
  // The subset-font package (a dev dependency only) made the web subsets before; it calls the
  // same hb-subset with its own settings, so it is an independent check of ours.
  for (const id of Object.keys(FONTS) as FontId[]) {
    it(`${id}: the same bytes as subset-font with noHinting`, async () => {
      const font = fs.readFileSync(FONTS[id].file);
      const ours = await subsetText(font, TEXT);
      const theirs = await subsetFont(font, TEXT, { targetFormat: 'truetype', noHinting: true });
      expect(Buffer.from(ours).equals(theirs)).toBe(true);
    });
  }

  it('keeps exactly the characters asked for, with the layout tables a browser shapes with', async () => {
    const font = fs.readFileSync(FONTS['vazirmatn-regular'].file);
    const hb = await harfbuzz();
    const face = new hb.Face(new hb.Blob(await subsetText(font, 'سلام')), 0);
    const unicodes = [...face.collectUnicodes()].sort((a, b) => a - b);
    expect(unicodes).toEqual([...'سلام'].map((c) => c.codePointAt(0)!).sort((a, b) => a - b));
    expect(face.referenceTable('GSUB')?.length ?? 0).toBeGreaterThan(0);
  });

  it('drops the layout tables from PDF subsets, which keep glyph ids', async () => {
    const font = fs.readFileSync(FONTS['vazirmatn-regular'].file);
    const hb = await harfbuzz();
    const face = new hb.Face(new hb.Blob(await subsetGlyphs(font, [5, 40])), 0);
    expect(face.referenceTable('GSUB')?.length ?? 0).toBe(0);
    const whole = new hb.Font(new hb.Face(new hb.Blob(font), 0));
    expect(new hb.Font(face).glyphToPath(40)).toBe(whole.glyphToPath(40));
  });
});
