/**
 * Frames → PDF bytes. pdf-lib gives the objects (see objects.ts); the pages, fonts, content
 * streams, link annotations, structure tree and the file itself (file.ts) are written here.
 */
import { noMemo, type Memo } from '../../memo.js';
import { createHash } from 'node:crypto';
import { PDFContext, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDict, type PDFRef } from './objects.js';
import { pdfFile } from './file.js';
import type { FontId } from '../../fonts.js';
import type { LaidOutDocument, LinkArea, StructNode } from '../../layout/frame.js';
import { EmbeddedFont } from './font.js';
import { flateStream } from './flate.js';
import { PageContent } from './content.js';
import { writeStructure, type PageMarks } from './structure.js';

/** A page as the writer builds it: its dictionary, its reference and its height (for flipping y). */
interface Page {
  node: PDFDict;
  ref: PDFRef;
  height: number;
}

export async function writePdf(doc: LaidOutDocument, memo: Memo = noMemo): Promise<Uint8Array> {
  const context = PDFContext.create();
  const pagesRef = context.nextRef();
  const fonts = await openFonts(doc);
  const roles = new Map<number, string>();
  walk(doc.structure, (n) => roles.set(n.id, n.role));
  const digest = createHash('sha256').update(JSON.stringify(doc.info));

  const marks: PageMarks[] = [];
  const pages: { page: Page; content: PageContent; links: LinkArea[] }[] = [];
  for (const frame of doc.frames) {
    const node = context.obj({ Type: 'Page', Parent: pagesRef, MediaBox: [0, 0, frame.width, frame.height] });
    const page = { node, ref: context.register(node), height: frame.height };
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
    fontDict[font.resource] = await font.embed(context, memo);
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

  context.assign(pagesRef, context.obj({ Type: 'Pages', Kids: pages.map((p) => p.page.ref), Count: pages.length }));
  const rtl = doc.frames.some((f) => f.items.some((i) => i.kind === 'glyphs' && i.direction === 'rtl'));
  context.trailerInfo.Root = context.register(context.obj({
    Type: 'Catalog',
    Pages: pagesRef,
    StructTreeRoot: writeStructure(context, doc.structure, marks),
    MarkInfo: { Marked: true },
    Lang: PDFString.of(doc.info.lang),
    // Readers show the title, not the file name, and lay out two-page spreads in reading order.
    ViewerPreferences: { DisplayDocTitle: true, Direction: rtl ? 'R2L' : 'L2R' },
  }));
  context.trailerInfo.Info = context.register(infoDict(context, doc));
  const id = PDFHexString.of(digest.digest('hex').slice(0, 32));
  context.trailerInfo.ID = context.obj([id, id]);
  return pdfFile(context);
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

function linkAnnotation(context: PDFContext, page: Page, link: LinkArea, key: number) {
  const height = page.height;
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

/** The document information dictionary: text strings in UTF-16 (§7.9.2.2), dates in UTC. */
function infoDict(context: PDFContext, doc: LaidOutDocument): PDFDict {
  const { info } = doc;
  return context.obj({
    Title: PDFHexString.fromText(info.title),
    Author: PDFHexString.fromText(info.author),
    Subject: PDFHexString.fromText(info.subject),
    Creator: PDFHexString.fromText(info.creator),
    Producer: PDFHexString.fromText('psl-statements (pdf-lib objects)'),
    CreationDate: PDFString.fromDate(info.date),
    ModDate: PDFString.fromDate(info.date),
  });
}

export function walk(node: StructNode, visit: (n: StructNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}
