/**
 * Glue: a publication → its print PDFs (A4 page, A5 leaflet) and the licences of the font
 * families they embed, under the same names and with the same bytes the web pages use.
 */
import fs from 'node:fs';
import { FONTS, type FontId } from '../fonts.js';
import { artefactPaths, type Artefact, type Publication } from '../publication.js';
import { layoutPublication, type Format } from '../layout/index.js';
import type { LaidOutDocument } from '../layout/frame.js';
import { writePdf } from '../export/pdf/index.js';

/** The licence file of a font family, as every exporter names it: `LICENSE-PT-Serif.txt`. */
export function licenceFileName(family: string): string {
  return `LICENSE-${family.replace(/\s+/g, '-')}.txt`;
}

export async function renderPdfs(pub: Publication): Promise<Artefact[]> {
  const paths = artefactPaths(pub.slug, pub.lang.tag);
  const meta = { slug: pub.slug, lang: pub.lang.tag };
  const artefacts: Artefact[] = [];
  const families = new Map<string, string>();
  const formats: [Format, string][] = [['a4', paths.pdfA4], ['a5', paths.pdfA5]];
  for (const [format, path] of formats) {
    const doc = await layoutPublication(pub, format);
    artefacts.push({ path, bytes: await writePdf(doc), kind: 'pdf', pages: doc.frames.length, ...meta });
    for (const id of fontsIn(doc)) families.set(FONTS[id].family, FONTS[id].licence);
  }
  for (const [family, licence] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
    artefacts.push({ path: `${paths.fontsDir}/${licenceFileName(family)}`, bytes: new Uint8Array(fs.readFileSync(licence)), kind: 'licence', ...meta });
  }
  return artefacts;
}

function fontsIn(doc: LaidOutDocument): Set<FontId> {
  const ids = new Set<FontId>();
  for (const frame of doc.frames) {
    for (const item of frame.items) if (item.kind === 'glyphs') for (const g of item.glyphs) ids.add(g.font);
  }
  return ids;
}
