/**
 * Frames → PDF bytes. pdf-lib is only the container (objects, streams, cross-reference);
 * fonts, content streams, link annotations and the structure tree are written here.
 */
import { createHash } from 'node:crypto';
import {
  PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString,
  type PDFContext, type PDFPage, type PDFRef,
} from 'pdf-lib';
import type { FontId } from '../../fonts.js';
import type { LaidOutDocument, LinkArea, StructNode } from '../../layout/frame.js';
import { EmbeddedFont } from './font.js';
import { flateStream } from './flate.js';
import { PageContent } from './content.js';
import { writeStructure, type PageMarks } from './structure.js';

export async function writePdf(doc: LaidOutDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const context = pdf.context;
  const fonts = await openFonts(doc);
  const roles = new Map<number, string>();
  walk(doc.structure, (n) => roles.set(n.id, n.role));
  const digest = createHash('sha256').update(JSON.stringify(doc.info));

  const marks: PageMarks[] = [];
  const pages: { page: PDFPage; content: PageContent; links: LinkArea[] }[] = [];
  for (const frame of doc.frames) {
    const page = pdf.addPage([frame.width, frame.height]);
    const content = new PageContent(frame.height, (id) => fonts.get(id)!, (n) => roles.get(n) ?? 'Span');
    const links: LinkArea[] = [];
    for (const item of frame.items) {
      if (item.kind === 'glyphs') content.line(item);
      else if (item.kind === 'box') content.box(item);
      else links.push(item);
    }
    pages.push({ page, content, links });
  }

  // ParentTree keys: one per page, then one per link annotation.
  let annotKey = doc.frames.length;
  const fontDict: Record<string, PDFRef> = {};
  for (const font of fonts.values()) {
    if (!pages.some((p) => p.content.fontsUsed.has(font))) continue;
    fontDict[font.resource] = await font.embed(context);
  }
  for (const [index, { page, content, links }] of pages.entries()) {
    const text = content.finish();
    digest.update(text);
    page.node.set(PDFName.of('Contents'), context.register(flateStream(context, text)));
    page.node.set(PDFName.of('Resources'), context.obj({ Font: fontDict }));
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    const annots = links.map((link) => linkAnnotation(context, page, link, annotKey++));
    if (annots.length) page.node.set(PDFName.of('Annots'), context.obj(annots.map((a) => a.ref)));
    marks.push({ page: page.ref, marked: content.marked, annots });
  }

  const catalog = pdf.catalog;
  catalog.set(PDFName.of('StructTreeRoot'), writeStructure(context, doc.structure, marks));
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  catalog.set(PDFName.of('Lang'), PDFString.of(doc.info.lang));
  const rtl = doc.frames.some((f) => f.items.some((i) => i.kind === 'glyphs' && i.direction === 'rtl'));
  catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true, Direction: rtl ? 'R2L' : 'L2R' }));

  setInfo(pdf, doc);
  const id = PDFHexString.of(digest.digest('hex').slice(0, 32));
  context.trailerInfo.ID = context.obj([id, id]);
  // objectsPerTick: pdf-lib otherwise waits for a timer every 50 objects (1 ms or more each) so
  // that a browser stays responsive; here nothing else waits on this thread.
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

async function openFonts(doc: LaidOutDocument): Promise<Map<FontId, EmbeddedFont>> {
  const ids: FontId[] = [];
  for (const frame of doc.frames) {
    for (const item of frame.items) {
      if (item.kind !== 'glyphs') continue;
      for (const g of item.glyphs) if (!ids.includes(g.font)) ids.push(g.font);
    }
  }
  const fonts = new Map<FontId, EmbeddedFont>();
  for (const [i, id] of ids.entries()) fonts.set(id, await EmbeddedFont.open(id, `F${i + 1}`));
  return fonts;
}

function linkAnnotation(context: PDFContext, page: PDFPage, link: LinkArea, key: number) {
  const height = page.getHeight();
  const rect = [link.x, height - link.y - link.height, link.x + link.width, height - link.y];
  const dict = context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect.map((v) => Math.round(v * 100) / 100),
    Border: [0, 0, 0],
    F: 4,
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(link.href) },
    P: page.ref,
    StructParent: key,
  });
  // The annotation's alternate description, for assistive technology.
  dict.set(PDFName.of('Contents'), PDFHexString.fromText(link.href));
  return { ref: context.register(dict), node: link.node, key };
}

function setInfo(pdf: PDFDocument, doc: LaidOutDocument): void {
  const { info } = doc;
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setCreator(info.creator);
  pdf.setProducer('psl-statements (pdf-lib container)');
  pdf.setCreationDate(info.date);
  pdf.setModificationDate(info.date);
  pdf.setLanguage(info.lang);
}

export function walk(node: StructNode, visit: (n: StructNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}
