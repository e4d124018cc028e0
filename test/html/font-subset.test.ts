import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { FONTS, type FontId } from '../../src/fonts.js';
import { subsetGlyphs, subsetText } from '../../src/export/font-subset.js';
import { harfbuzz } from '../../src/typeset/harfbuzz.js';
import { clearSubsetCache } from '../../src/export/html/fonts.js';
import { renderPage } from '../../src/render/html.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { loadRepository } from '../../src/content/index.js';
import { publications, type Artefact } from '../../src/publication.js';
import { REPO_ROOT } from './render.js';
import type { Memo } from '../../src/memo.js';

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

/** A memo over a Map, as the build's cache is one over its folder; `mark` is added to what it gives back. */
function mapMemo(kept = new Map<string, Uint8Array>(), mark = ''): Memo & { kept: Map<string, Uint8Array> } {
  const memo: Memo = async (key, make) => {
    const had = kept.get(key);
    if (had) return new Uint8Array([...had, ...Buffer.from(mark)]);
    const made = await make();
    kept.set(key, made);
    return made;
  };
  return Object.assign(memo, { kept });
}

afterEach(() => clearSubsetCache());

function seedPublication(tag: string) {
  return publications(loadRepository(REPO_ROOT)).find((p) => p.lang.tag === tag)!;
}

describe('web font subsets kept between builds', () => {
  it('a page takes its subsets from the memo when it has them, and makes and keeps them when not', async () => {
    const pub = seedPublication('fa');
    const fonts = (artefacts: Artefact[]) => artefacts.filter((a) => a.path.endsWith('.woff2'));
    const plain = fonts(await renderPage(pub));
    expect(plain.length).toBeGreaterThan(0);

    const memo = mapMemo();
    clearSubsetCache();
    const first = fonts(await renderPage(pub, memo));
    expect(first.map((a) => Buffer.from(a.bytes))).toEqual(plain.map((a) => Buffer.from(a.bytes)));
    expect(memo.kept.size).toBe(plain.length);

    // What is kept is what the next build's page gets: mark the kept subsets and look for the mark.
    clearSubsetCache();
    const second = fonts(await renderPage(pub, mapMemo(memo.kept, 'KEPT')));
    for (const a of second) expect(Buffer.from(a.bytes).subarray(-4).toString()).toBe('KEPT');
  });
});

describe('PDF font subsets kept between builds', () => {
  it('are kept once per font and glyph set, and the PDFs are the same with them', async () => {
    const pub = seedPublication('ar');
    const pdfs = (artefacts: Artefact[]) => artefacts.filter((a) => a.kind === 'pdf').map((a) => Buffer.from(a.bytes));
    const plain = pdfs(await renderPdfs(pub));
    const memo = mapMemo();
    expect(pdfs(await renderPdfs(pub, memo))).toEqual(plain);
    const kept = [...memo.kept.keys()];
    // Arabic text in Naskh, some Latin in PT Serif: at least two fonts, and the A4 and A5
    // files share a glyph set per font or add one of their own.
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(pdfs(await renderPdfs(pub, memo))).toEqual(plain);
    expect([...memo.kept.keys()]).toEqual(kept);
  });
});
