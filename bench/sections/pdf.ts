/**
 * Print PDF benchmark: the A4 page and A5 leaflet of the first statement in each language
 * (layout with the text engine, hb-subset, tagged PDF), warm: fonts and wasm loaded by a
 * first pass. Prints the time per language and the A4 sizes against the 150 KB target.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from '../support.js';
import { loadRepository } from '../../src/content/index.js';
import { publications } from '../../src/publication.js';
import { renderPdfs } from '../../src/render/pdf.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SLUG = 'humanitarian-visas';

export default async function bench(): Promise<Figure[]> {
  const pubs = publications(loadRepository(ROOT)).filter((p) => p.slug === SLUG);
  if (pubs.length === 0) return [];
  await renderPdfs(pubs[0]); // warm
  const figures: Figure[] = [];
  let largest = 0;
  for (const pub of pubs) {
    const t = performance.now();
    const artefacts = await renderPdfs(pub);
    figures.push({ name: `pdf: ${pub.lang.tag}, A4 + A5, wall time`, value: Math.round(performance.now() - t), unit: 'ms' });
    const a4 = artefacts.find((a) => a.path.endsWith('-a4.pdf'));
    if (a4) largest = Math.max(largest, a4.bytes.length);
  }
  figures.push({ name: 'pdf: largest A4 file', value: Math.round(largest / 1024), unit: 'KB', target: '≤ 150 KB' });
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await bench(), null, 1));
}
