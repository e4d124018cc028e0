/**
 * The Chromium baseline for the OCR test (run by hand: `npx tsx test/image/chromium-ocr.ts`).
 *
 * Tesseract reads big Arabic-script display type poorly, so "recognizes the words" for ar, fa
 * and fa-AF is measured against what the same OCR reads from Chromium's rendering of the same
 * title and quote: the same TTF files through @font-face from file URLs, the same font sizes,
 * line spacing, column width and position and the same lines as on our card, the same colours. The card's other
 * text and its rule are drawn too, at their places, because tesseract's page segmentation
 * depends on everything on the page: the two images differ only in who rendered the text. It writes the
 * figures to chromium-ocr.json (all seven languages, so the report can compare them too).
 * Re-run it when a title or quote or the card's layout changes; ocr.test.ts notices stale
 * figures only by their text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { SITE } from '../../src/config.js';
import { FONTS, type FontId } from '../../src/fonts.js';
import { cardFormat, type PlacedBlock } from '../../src/export/image/index.js';
import type { Box } from '../../src/layout/frame.js';
import type { Language } from '../../src/languages.js';
import { shareText } from '../../src/publication.js';
import { CHROMIUM } from '../support/tools.js';
import { OCR_IMAGES, ocr, recall, words } from './ocr.js';
import { PUBLICATIONS, compose } from './support.js';

export interface Baseline {
  /** The title and quote the figures were measured on. */
  text: string;
  titleSize: number;
  quoteSize: number;
  total: number;
  found: number;
  missing: string[];
}

export const BASELINE_FILE = path.join(import.meta.dirname, 'chromium-ocr.json');

function fontFaces(chain: FontId[], name: string): { css: string; family: string } {
  const css = chain.map((id, i) => `@font-face { font-family: "${name}-${i}"; src: url("${pathToFileURL(FONTS[id].file).href}"); }`).join('\n');
  return { css, family: chain.map((_, i) => `'${name}-${i}'`).join(', ') };
}

function paragraph(placed: PlacedBlock, family: string, lang: Language): string {
  const { block } = placed;
  const lines = block.layout.lines;
  const size = lines[0]!.glyphs[0]!.size;
  const lineHeight = lines.length > 1 ? lines[1]!.baseline - lines[0]!.baseline : size * 1.3;
  const style = [
    'position: absolute',
    `left: ${placed.x + block.inset}px`,
    `top: ${placed.y}px`,
    `width: ${block.width - 2 * block.inset}px`,
    `font: ${size}px/${lineHeight}px ${family}`,
    `color: ${block.colour}`,
    // Our lines, not Chromium's line breaking: the same words on the same lines.
    'white-space: nowrap',
  ].join('; ');
  const escaped = lines.map((l) => l.text.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('<br>');
  const dir = block.layout.direction === lang.dir ? '' : ` dir="${block.layout.direction}"`;
  return `<div${dir} style="${style}">${escaped}</div>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-chromium-ocr-'));
  const results: Record<string, Record<string, Baseline>> = {};
  try {
    for (const pub of PUBLICATIONS) {
      results[pub.lang.tag] = {};
      for (const file of OCR_IMAGES) {
        const format = cardFormat(file);
        const card = await compose(pub, format);
        const faces = (['regular', 'bold', 'italic'] as const).map((style) => ({ style, ...fontFaces(pub.lang.fonts[style], style) }));
        const family = (block: PlacedBlock) => faces.find((f) => f.style === block.block.style)!.family;
        const [, rule] = card.frame.items.filter((item): item is Box => item.kind === 'box'); // the paper, then the rule
        const html = `<!doctype html><html lang="${pub.lang.tag}" dir="${pub.lang.dir}"><head><meta charset="utf-8"><style>
${faces.map((f) => f.css).join('\n')}
html, body { margin: 0; width: ${format.width}px; height: ${format.height}px; background: ${SITE.colours.paper}; overflow: hidden; }
</style></head><body>
<div style="position: absolute; left: ${rule!.x}px; top: ${rule!.y}px; width: ${rule!.width}px; height: ${rule!.height}px; background: ${SITE.colours.accent}"></div>
${card.blocks.map((b) => paragraph(b, family(b), pub.lang)).join('\n')}
</body></html>`;
        const htmlFile = path.join(dir, `${pub.lang.tag}-${file}.html`);
        fs.writeFileSync(htmlFile, html);
        const page = await browser.newPage({ viewport: { width: format.width, height: format.height }, deviceScaleFactor: 1 });
        await page.goto(pathToFileURL(htmlFile).href);
        await page.evaluate(() => document.fonts.ready);
        const png = await page.screenshot({ type: 'png' });
        await page.close();
        fs.writeFileSync(path.join(dir, `${pub.lang.tag}-${file}`), png);
        const { title: t, quote: q } = shareText(pub);
        const r = recall(words(`${t} ${q}`, pub.lang), (await ocr(png, pub.lang)).map((text) => words(text, pub.lang)));
        results[pub.lang.tag]![file] = { text: `${t} ${q}`, titleSize: card.titleSize, quoteSize: card.quoteSize, ...r };
        console.log(pub.lang.tag, file, `${r.found}/${r.total}`, r.missing.join(' '));
      }
    }
  } finally {
    await browser.close();
  }
  const note =
    'Chromium baseline for test/image/ocr.test.ts, made by test/image/chromium-ocr.ts: tesseract word recall on Chromium ' +
    'renderings of the same title and quote in the same fonts (local TTFs via @font-face), sizes, line spacing and column ' +
    `as our cards, OCR prepared the same way. Screenshots were in ${dir}.`;
  fs.writeFileSync(BASELINE_FILE, JSON.stringify({ note: note.replace(/ Screenshots were in .*$/, ''), results }, null, 2) + '\n');
  console.log(`wrote ${BASELINE_FILE}; screenshots in ${dir}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
