/// <reference lib="dom" />
/**
 * Generates the expected visual orders in mixed-direction.test.ts by rendering each line in
 * Debian's chromium. Not part of the suite; run by hand when the cases change:
 *
 *   npx tsx test/typeset/chromium-order.gen.ts > /tmp/orders.json
 *
 * Each line is set in a <div dir=… lang=…> with `white-space: nowrap` in the language's fonts,
 * loaded from the project's own TTF files as data: URLs. For every grapheme (Intl.Segmenter)
 * we take the rectangle of its Range (Range.getClientRects) and sort the graphemes by the
 * rectangle's centre: that is the visual order, left to right, as UTF-16 offsets.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { FONTS, type FontId } from '../../src/fonts.js';
import { findLanguage } from '../../src/languages.js';
import { CHROMIUM } from '../support/tools.js';
import { MIXED_CASES } from './mixed-direction.cases.js';

const fontFaces = (Object.keys(FONTS) as FontId[])
  .map((id) => {
    const f = FONTS[id];
    const data = fs.readFileSync(f.file).toString('base64');
    return `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.italic ? 'italic' : 'normal'}; src: url(data:font/ttf;base64,${data}) format("truetype"); }`;
  })
  .join('\n');

function family(lang: string): string {
  const chain = findLanguage(lang)!.fonts.regular;
  return chain.map((id) => `"${FONTS[id].family}"`).join(', ');
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
const body = MIXED_CASES.map((c, i) => {
  const l = findLanguage(c.lang)!;
  const esc = c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<div id="c${i}" dir="${l.dir}" lang="${l.tag}" style="font-family: ${family(c.lang)}; font-size: 40px; white-space: nowrap; width: 4000px">${esc}</div>`;
}).join('\n');
await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${fontFaces}</style></head><body>${body}</body></html>`);
await page.evaluate(() => document.fonts.ready);
const version = browser.version();
const results = await page.evaluate((n: number) => {
  const out: Array<{ order: number[]; fontsLoaded: boolean }> = [];
  for (let i = 0; i < n; i++) {
    const div = document.getElementById(`c${i}`)!;
    const node = div.firstChild as Text;
    const text = node.data;
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const items: Array<{ index: number; x: number }> = [];
    for (const s of seg.segment(text)) {
      const r = document.createRange();
      r.setStart(node, s.index);
      r.setEnd(node, s.index + s.segment.length);
      const rects = [...r.getClientRects()];
      if (rects.length === 0) continue;
      const left = Math.min(...rects.map((q) => q.left));
      const right = Math.max(...rects.map((q) => q.right));
      items.push({ index: s.index, x: (left + right) / 2 });
    }
    items.sort((a, b) => a.x - b.x);
    out.push({ order: items.map((it) => it.index), fontsLoaded: document.fonts.check(`40px ${getComputedStyle(div).fontFamily}`) });
  }
  return out;
}, MIXED_CASES.length);
await browser.close();
console.log(JSON.stringify({ chromium: version, cases: MIXED_CASES.map((c, i) => ({ ...c, ...results[i] })) }, null, 1));
