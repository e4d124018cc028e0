/**
 * Web page benchmark: render the first statement's page in every language (with font
 * subsetting, warm: fonts and wasm loaded by a first pass, subset cache cleared each run so the
 * subsetting is counted), and report each page's weight: HTML (with its inline CSS) and fonts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRepository } from '../../src/content/index.js';
import { publications } from '../../src/publication.js';
import { renderPage } from '../../src/render/html.js';
import { clearSubsetCache } from '../../src/export/html/fonts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SLUG = 'humanitarian-visas';
const RUNS = 5;

export default async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const pubs = publications(loadRepository(ROOT)).filter((p) => p.slug === SLUG);
  for (const p of pubs) await renderPage(p); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearSubsetCache();
    const t = performance.now();
    for (const p of pubs) await renderPage(p);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const figures: Array<{ name: string; value: number; unit: string; target?: string }> = [
    { name: `html: ${pubs.length} statement pages with font subsets (median of ${RUNS}, warm)`, value: Number(times[Math.floor(RUNS / 2)].toFixed(1)), unit: 'ms' },
  ];
  for (const p of pubs) {
    const artefacts = await renderPage(p);
    const html = artefacts.filter((a) => a.kind === 'html').reduce((n, a) => n + a.bytes.length, 0);
    const fonts = artefacts.filter((a) => a.kind === 'font').reduce((n, a) => n + a.bytes.length, 0);
    figures.push({ name: `html: ${p.lang.tag} page weight (HTML+CSS ${(html / 1024).toFixed(1)} KB, fonts ${(fonts / 1024).toFixed(1)} KB)`, value: Number(((html + fonts) / 1024).toFixed(1)), unit: 'KB', target: '≤ 100 KB' });
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await bench(), null, 1));
}
