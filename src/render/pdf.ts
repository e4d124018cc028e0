/**
 * Glue: a publication → its print PDFs (A4 page, A5 leaflet) and the licences of the font
 * families they embed, under the same names and with the same bytes the web pages use.
 */
import type { FontId } from '../fonts.js';
import { artefactPaths, fontLicences, type Artefact, type Publication } from '../publication.js';
import { layoutPublication, type Format } from '../layout/index.js';
import type { LaidOutDocument } from '../layout/frame.js';
import { writePdf } from '../export/pdf/index.js';
import { noMemo, type Memo } from '../memo.js';

export async function renderPdfs(pub: Publication, memo: Memo = noMemo): Promise<Artefact[]> {
  const paths = artefactPaths(pub.slug, pub.lang.tag);
  const meta = { slug: pub.slug, lang: pub.lang.tag };
  const artefacts: Artefact[] = [];
  const fonts = new Set<FontId>();
  const formats: [Format, string][] = [['a4', paths.pdfA4], ['a5', paths.pdfA5]];
  for (const [format, path] of formats) {
    const doc = await layoutPublication(pub, format);
    artefacts.push({ path, bytes: await writePdf(doc, memo), kind: 'pdf', pages: doc.frames.length, ...meta });
    for (const id of fontsIn(doc)) fonts.add(id);
  }
  return [...artefacts, ...fontLicences(fonts, paths.fontsDir, meta)];
}

function fontsIn(doc: LaidOutDocument): Set<FontId> {
  const ids = new Set<FontId>();
  for (const frame of doc.frames) {
    for (const item of frame.items) if (item.kind === 'glyphs') for (const g of item.glyphs) ids.add(g.font);
  }
  return ids;
}
