/**
 * The structure tree of a tagged PDF: one StructElem per structure node (Document, H1, P,
 * L/LI/Lbl/LBody, BlockQuote, Link, Figure), whose kids are the marked content on the pages
 * (MCRs) and, for links, their annotations (OBJRs), in reading order. The ParentTree maps each
 * page's MCIDs and each annotation back to its element, as readers and PDF/UA checkers need.
 */
import { PDFHexString, PDFName, PDFNumber, type PDFContext, type PDFObject, type PDFRef } from './objects.js';
import type { StructNode } from '../../layout/frame.js';
import type { MarkedContent } from './content.js';

export interface PageMarks {
  page: PDFRef;
  marked: MarkedContent[];
  /** Link annotations with their ParentTree key (the annotation's StructParent). */
  annots: { ref: PDFRef; node: number; key: number }[];
}

export function writeStructure(context: PDFContext, root: StructNode, pages: PageMarks[]): PDFRef {
  const rootRef = context.nextRef();
  const refs = new Map<number, PDFRef>();
  const parentOf = new Map<number, number>();
  const all: { node: StructNode; parent: PDFRef }[] = [];
  const collect = (node: StructNode, parent: PDFRef) => {
    refs.set(node.id, context.nextRef());
    all.push({ node, parent });
    for (const child of node.children) {
      parentOf.set(child.id, node.id);
      collect(child, refs.get(node.id)!);
    }
  };
  collect(root, rootRef);

  // Kids in reading order: a node joins its parent's kids when its first content appears.
  const kids = new Map<number, PDFObject[]>();
  const joined = new Set<number>([root.id]);
  const kidsOf = (id: number) => kids.get(id) ?? (kids.set(id, []), kids.get(id)!);
  const join = (id: number) => {
    if (joined.has(id)) return;
    joined.add(id);
    const parent = parentOf.get(id) ?? root.id;
    join(parent);
    kidsOf(parent).push(refs.get(id)!);
  };
  const addContent = (node: number, kid: PDFObject) => {
    const id = refs.has(node) ? node : root.id;
    join(id);
    kidsOf(id).push(kid);
    return refs.get(id)!;
  };

  const nums: PDFObject[] = [];
  let nextKey = pages.length;
  for (const [index, page] of pages.entries()) {
    const parents: PDFObject[] = [];
    for (const { mcid, node } of page.marked) {
      parents.push(addContent(node, context.obj({ Type: 'MCR', Pg: page.page, MCID: mcid })));
    }
    nums.push(PDFNumber.of(index), context.obj(parents));
    for (const annot of page.annots) {
      const owner = addContent(annot.node, context.obj({ Type: 'OBJR', Pg: page.page, Obj: annot.ref }));
      nums.push(PDFNumber.of(annot.key), owner);
      nextKey = Math.max(nextKey, annot.key + 1);
    }
  }
  // Nodes without any content (should not happen) still belong to the tree.
  for (const { node } of all) if (node.id !== root.id) join(node.id);

  for (const { node, parent } of all) {
    const dict = context.obj({ Type: 'StructElem', S: node.role, P: parent, K: kids.get(node.id) ?? [] });
    if (node.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(node.alt));
    context.assign(refs.get(node.id)!, dict);
  }

  context.assign(rootRef, context.obj({
    Type: 'StructTreeRoot',
    K: refs.get(root.id)!,
    ParentTree: context.obj({ Nums: nums }),
    ParentTreeNextKey: nextKey,
  }));
  return rootRef;
}
