/**
 * Mixed-direction lines: the engine's visual order equals Chromium's.
 *
 * How the expected data was made (once, by hand): `npx tsx test/typeset/chromium-order.gen.ts`
 * rendered each case of mixed-direction.cases.ts in Debian's chromium 156.0.8078.108 (headless, via
 * playwright-core) in a <div dir lang> with the language's fonts loaded from the project's
 * TTF files, measured every grapheme with Range.getClientRects and sorted the graphemes by
 * the centre of their rectangles. The arrays below are the grapheme start offsets (UTF-16)
 * from left to right, copied from its output.
 */
import { describe, expect, it } from 'vitest';
import { findLanguage } from '../../src/languages.js';
import { layoutParagraph } from '../../src/typeset/index.js';
import { MIXED_CASES } from './mixed-direction.cases.js';

const CHROMIUM_ORDER: Record<string, number[]> = {
  "المادة 22 (2) من Aufenthaltsgesetz": [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 16, 15, 14, 13, 12, 11, 10, 9, 7, 8, 6, 5, 4, 3, 2, 1, 0],
  "بند ۲۲ (۲) قانون اقامت": [21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 4, 5, 3, 2, 1, 0],
  "(PSL) چپ پساشوروی": [16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 1, 2, 3, 0],
  "ولم يبقَ سوى ثغرات للحالات «الجذّابة إعلاميًا على نحو استثنائي» — تلك": [68, 67, 66, 65, 64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 6, 5, 4, 3, 2, 1, 0],
  "حالت‌های «فوق‌العاده رسانه‌پسند» و «نمونه‌های بشردوستی» (PSL)": [60, 57, 58, 59, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 3, 2, 1, 0],
  "اعلامیهٔ چپ پساشوروی (PSL) در مورد § 22 (2) قانون اقامت (Aufenthaltsgesetz)": [74, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 37, 38, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 22, 23, 24, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 6, 5, 4, 3, 2, 1, 0],
  "بيان اليسار ما بعد السوفيتي (PSL) بشأن تعليق التأشيرات الإنسانية في ألمانيا": [74, 73, 72, 71, 70, 69, 68, 67, 66, 65, 64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 29, 30, 31, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  "بموجب § 22 (2) من قانون الإقامة (Aufenthaltsgesetz) — وهو البرنامج": [65, 64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 8, 9, 7, 6, 5, 4, 3, 2, 1, 0],
  "«Post-Soviet Left» هو اليسار، 2026.": [34, 30, 31, 32, 33, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0],
  "Левые («اليسار ما بعد السوفيتي», 2026) и «Aufenthaltsgesetz».": [0, 1, 2, 3, 4, 5, 6, 7, 33, 34, 35, 36, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60],
};

/** The engine's visual order of graphemes: clusters left to right, graphemes inside an RTL cluster right to left. */
async function engineOrder(lang: string, text: string): Promise<number[]> {
  const layout = await layoutParagraph({ runs: [{ text, style: 'regular' }], lang: findLanguage(lang)!, size: 10, width: 1e5, lineHeight: 1.2, align: 'start' });
  expect(layout.lines).toHaveLength(1);
  const glyphs = layout.lines[0]!.glyphs;
  const clusterEnd = new Map<number, number>();
  for (const g of glyphs) if (g.text) clusterEnd.set(g.cluster, g.cluster + g.text.length);
  const starts = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
  const order: number[] = [];
  const seen = new Set<number>();
  for (const g of glyphs) {
    if (seen.has(g.cluster)) continue;
    seen.add(g.cluster);
    const end = clusterEnd.get(g.cluster) ?? g.cluster + 1;
    const inCluster = starts.filter((s) => s >= g.cluster && s < end);
    order.push(...(g.rtl ? inCluster.reverse() : inCluster));
  }
  return order;
}

describe('mixed-direction lines in the visual order Chromium produces', () => {
  for (const c of MIXED_CASES) {
    it(`${c.lang}: ${c.text}`, async () => {
      expect(CHROMIUM_ORDER[c.text], 'regenerate the data with chromium-order.gen.ts').toBeDefined();
      expect(await engineOrder(c.lang, c.text)).toEqual(CHROMIUM_ORDER[c.text]);
    });
  }

  it('mirrors brackets once: a logical ")" in a right-to-left run is drawn as the parenleft glyph', async () => {
    const layout = await layoutParagraph({ runs: [{ text: 'بند (۲)', style: 'regular' }], lang: findLanguage('fa')!, size: 10, width: 1000, lineHeight: 1.2, align: 'start' });
    const glyphs = layout.lines[0]!.glyphs;
    const open = glyphs.find((g) => g.text === '(')!;
    const close = glyphs.find((g) => g.text === ')')!;
    // Visually the closing bracket is on the left, and it uses the glyph of "(" (HarfBuzz's mirroring).
    expect(close.x).toBeLessThan(open.x);
    const { loadFont } = await import('../../src/typeset/harfbuzz.js');
    const font = await loadFont('vazirmatn-regular');
    expect(close.glyphId).toBe(font.font.nominalGlyph(0x28));
    expect(open.glyphId).toBe(font.font.nominalGlyph(0x29));
  });
});
