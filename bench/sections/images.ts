/**
 * Share image benchmark: all five images of the first statement in each language (layout with
 * auto-fit, drawing, PNG/JPEG encoding), warm: fonts and wasm loaded by a first pass.
 * Prints the time per image and the file sizes against the platforms' limits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from '../support.js';
import { loadRepository } from '../../src/content/index.js';
import { publications } from '../../src/publication.js';
import { renderShareImages } from '../../src/render/images.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SLUG = 'humanitarian-visas';

export default async function bench(): Promise<Figure[]> {
  const pubs = publications(loadRepository(ROOT)).filter((p) => p.slug === SLUG);
  await renderShareImages(pubs[0]!); // warm
  const figures: Figure[] = [];
  let largestPng = 0;
  let largestJpeg = 0;
  for (const pub of pubs) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const artefacts = await renderShareImages(pub);
    const used = process.cpuUsage(cpu);
    const images = artefacts.filter((a) => a.kind === 'image');
    const per = (ms: number) => Number((ms / images.length).toFixed(1));
    figures.push({ name: `images: ${pub.lang.tag}, ${images.length} images, wall time per image`, value: per(performance.now() - t), unit: 'ms' });
    // CPU time of this process; sharp's own threads count too, other processes on the machine do not.
    figures.push({ name: `images: ${pub.lang.tag}, CPU time per image`, value: per((used.user + used.system) / 1000), unit: 'ms' });
    for (const a of images) {
      if (a.path.endsWith('.jpg')) largestJpeg = Math.max(largestJpeg, a.bytes.length);
      else largestPng = Math.max(largestPng, a.bytes.length);
    }
  }
  figures.push({ name: 'images: largest PNG', value: Math.round(largestPng / 1024), unit: 'KB', target: '< 400 KB' });
  figures.push({ name: 'images: largest JPEG', value: Math.round(largestJpeg / 1024), unit: 'KB', target: '≤ 300 KB' });
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await bench(), null, 1));
}
