import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { FONTS, type FontId } from '../../src/fonts.js';
import { subsetGlyphs, subsetText } from '../../src/export/font-subset.js';
import { harfbuzz } from '../../src/typeset/harfbuzz.js';
import { clearSubsetCache } from '../../src/export/html/fonts.js';
import { keepIn } from '../../src/keep.js';
import { renderPage } from '../../src/render/html.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { loadRenderers } from '../../src/build/real-renderers.js';
import { Store } from '../../src/build/store.js';
import { loadRepository } from '../../src/content/index.js';
import { publications, type Artefact } from '../../src/publication.js';
import { REPO_ROOT } from './render.js';
import { keptEntries, markKept } from '../support/kept.js';

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

/** What the kept-subset tests share: the seed statement in one language, and an empty build cache. */
const cacheDirs: string[] = [];
afterEach(() => {
  keepIn(undefined);
  clearSubsetCache();
  for (const dir of cacheDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function seedPublication(tag: string) {
  return publications(loadRepository(REPO_ROOT)).find((p) => p.lang.tag === tag)!;
}

function cacheDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-keep-'));
  cacheDirs.push(dir);
  return dir;
}

describe('web font subsets kept between builds', () => {
  it('a page takes its subsets from the build cache when it has them, and makes and keeps them when not', async () => {
    const pub = seedPublication('fa');
    const dir = cacheDir();
    const fonts = (artefacts: Artefact[]) => artefacts.filter((a) => a.path.endsWith('.woff2'));
    clearSubsetCache();
    const plain = fonts(await renderPage(pub));
    expect(plain.length).toBeGreaterThan(0);

    const renderers = await loadRenderers();
    renderers.keepIn!(new Store(dir).keeper('v1'));
    clearSubsetCache();
    const first = fonts(await renderers.renderPage(pub));
    expect(first.map((a) => Buffer.from(a.bytes))).toEqual(plain.map((a) => Buffer.from(a.bytes)));
    expect(keptEntries(dir)).toHaveLength(plain.length);

    // What is kept is what the next build's page gets: mark the kept subsets and look for the mark.
    markKept(dir, 'KEPT');
    renderers.keepIn!(new Store(dir).keeper('v1'));
    clearSubsetCache();
    const second = fonts(await renderers.renderPage(pub));
    for (const a of second) expect(Buffer.from(a.bytes).subarray(-4).toString()).toBe('KEPT');

    // Another version of the exporters keeps its own.
    renderers.keepIn!(new Store(dir).keeper('v2'));
    clearSubsetCache();
    const third = fonts(await renderers.renderPage(pub));
    expect(third.map((a) => Buffer.from(a.bytes))).toEqual(plain.map((a) => Buffer.from(a.bytes)));
    expect(keptEntries(dir)).toHaveLength(2 * plain.length);
  });
});

describe('PDF font subsets kept between builds', () => {
  it('are kept once per font and glyph set, and the PDFs are the same with them', async () => {
    const pub = seedPublication('ar');
    const dir = cacheDir();
    const pdfs = (artefacts: Artefact[]) => artefacts.filter((a) => a.kind === 'pdf').map((a) => Buffer.from(a.bytes));
    const plain = pdfs(await renderPdfs(pub));
    keepIn(new Store(dir).keeper('v1'));
    expect(pdfs(await renderPdfs(pub))).toEqual(plain);
    const kept = keptEntries(dir);
    // Arabic text in Naskh, some Latin in PT Serif: at least two fonts, and the A4 and A5
    // files share a glyph set per font or add one of their own.
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(pdfs(await renderPdfs(pub))).toEqual(plain);
    expect(keptEntries(dir)).toEqual(kept);
  });
});
