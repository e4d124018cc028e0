/**
 * The OCR bar the PDFs must meet: Chromium's print of the same text in the same fonts, read
 * by the same OCR. Run once (it takes minutes on two cores) and commit the figures:
 *
 *   npx tsx test/pdf/chromium-baseline.ts            # all languages
 *   npx tsx test/pdf/chromium-baseline.ts fa ar      # some
 *
 * Writes test/pdf/chromium-ocr.json, which test/pdf/pdf.test.ts reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import { chromium } from 'playwright-core';
import { loadRepository } from '../../src/content/index.js';
import { FONTS } from '../../src/fonts.js';
import { formatDate } from '../../src/languages.js';
import { absoluteUrl, artefactPaths, publications, type Publication } from '../../src/publication.js';
import { SITE } from '../../src/config.js';
import { CHROMIUM } from '../support/tools.js';
import { ocrText, referenceText, tempDir, textHash, wordRecall, words } from './text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const output = path.join(here, 'chromium-ocr.json');

function fontFaces(): string {
  return Object.values(FONTS)
    .map((f) => `@font-face { font-family: "${f.family}"; src: url("file://${f.file}"); font-weight: ${f.weight}; font-style: ${f.italic ? 'italic' : 'normal'}; }`)
    .join('\n');
}

async function html(pub: Publication): Promise<string> {
  const families = [...new Set(pub.lang.fonts.regular.map((id) => `"${FONTS[id].family}"`))].join(', ');
  const tree = { ...(pub.doc.tree as Root), children: (pub.doc.tree as Root).children.filter((n) => n.type !== 'yaml') };
  const body = String(unified().use(remarkRehype).use(rehypeStringify).stringify(await unified().use(remarkRehype).run(tree)));
  return `<!doctype html><html lang="${pub.lang.tag}" dir="${pub.lang.dir}"><head><meta charset="utf-8"><style>
${fontFaces()}
body { font-family: ${families}; font-size: 10.5pt; line-height: 1.5; margin: 0; }
h1 { font-size: 18pt; }
p { text-align: justify; }
</style></head><body>
<h1>${String(pub.doc.data.title ?? '')}</h1><p>${formatDate(pub.lang, pub.date)}</p>
${body}
<p><strong>${pub.t('site.signature')}</strong></p>
<p>${pub.t('print.readOnline')}<br><span dir="ltr">${absoluteUrl(SITE.baseUrl, artefactPaths(pub.slug, pub.lang.tag).page)}</span></p>
</body></html>`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const repo = loadRepository(root);
  const pubs = publications(repo, (_slug, lang) => only.length === 0 || only.includes(lang.tag));
  const data = fs.existsSync(output) ? JSON.parse(fs.readFileSync(output, 'utf8')) : { note: '', languages: {} };
  data.note = 'OCR (tesseract, pdftoppm -r 200 -gray, --psm 4) of Chromium\'s print (page.pdf, A4, margins 2 cm, 10.5 pt, justified, no hyphenation) of the same statement in the same fonts; recall = share of the source words (test/pdf/text.ts) recognized; text = hash of the reference text it was made for. Made by test/pdf/chromium-baseline.ts.';
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    for (const pub of pubs) {
      const dir = tempDir();
      const page = await browser.newPage();
      const file = path.join(dir, 'page.html');
      fs.writeFileSync(file, await html(pub));
      await page.goto(`file://${file}`);
      await page.evaluate(() => document.fonts.ready);
      const pdf = path.join(dir, 'chromium.pdf');
      await page.pdf({ path: pdf, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
      await page.close();
      const reference = referenceText(pub);
      const text = ocrText(pdf, pub.lang.tag);
      const recall = wordRecall(reference, text);
      data.languages[pub.lang.tag] = { slug: pub.slug, text: textHash(reference), words: words(reference).length, recall: Math.round(recall * 10000) / 10000 };
      console.log(pub.lang.tag, recall.toFixed(4));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.writeFileSync(output, JSON.stringify(data, null, 2) + '\n');
    }
  } finally {
    await browser.close();
  }
}

await main();
