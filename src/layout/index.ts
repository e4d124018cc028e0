/**
 * Document layout: a publication → frames (pages of positioned glyph lines, boxes and link
 * areas) plus the logical structure. Blocks are set with the text engine into rows; rows are
 * paginated with keep-with-next for headings and no single line of a paragraph left alone
 * at the top or bottom of a page; then each page gets its running header and folio.
 */
import { joinFor, SITE } from '../config.js';
import { eventWords, publishedEvent, publishedSignatories } from '../content/civic.js';
import { formatDate, formatNumber, type Language } from '../languages.js';
import { absoluteUrl, artefactPaths, type Publication } from '../publication.js';
import { layoutParagraph } from '../typeset/index.js';
import type { Align, ParagraphLayout, TextRun } from '../typeset/types.js';
import { bodyBlocks, StructureBuilder, type TextBlock } from './blocks.js';
import type { Colour, Frame, FrameItem, GlyphLine, LaidOutDocument, StructNode, Tag } from './frame.js';
import { paginate, type Row } from './paginate.js';
import { qrBoxes, qrCode } from './qr.js';
import { colour, pageStyle, type Format, type PageStyle } from './style.js';

export type { Format } from './style.js';

const INK = colour(SITE.colours.ink);
const MUTED = colour(SITE.colours.muted);
const ACCENT = colour(SITE.colours.accent);
const RULE = colour('#c9c2b8');

interface Setting {
  lang: Language;
  style: PageStyle;
  rtl: boolean;
  /** Left edge and width of the text column. */
  left: number;
  measure: number;
  tags: Map<number, Tag>;
}

/**
 * Lay out a publication. When the last page would hold only a few lines, the type is set a
 * little smaller (down to 92 %) if that saves the page: a statement that fits one sheet
 * belongs on one sheet.
 */
export async function layoutPublication(pub: Publication, format: Format): Promise<LaidOutDocument> {
  const first = await compose(pub, format, 1);
  if (first.doc.frames.length < 2 || first.lastPageFill > 0.3) return first.doc;
  for (const scale of [0.96, 0.92]) {
    const tighter = await compose(pub, format, scale);
    if (tighter.doc.frames.length < first.doc.frames.length) return tighter.doc;
  }
  return first.doc;
}

async function compose(pub: Publication, format: Format, scale: number): Promise<{ doc: LaidOutDocument; lastPageFill: number }> {
  const lang = pub.lang;
  const style = pageStyle(format, lang, scale);
  const rtl = lang.dir === 'rtl';
  const s: Setting = {
    lang, style, rtl,
    left: rtl ? style.margin.outer : style.margin.inner,
    measure: style.width - style.margin.inner - style.margin.outer,
    tags: new Map(),
  };
  const structure = new StructureBuilder();
  const root = structure.root;
  const title = String(pub.doc.data.title ?? '');
  const url = absoluteUrl(SITE.baseUrl, artefactPaths(pub.slug, lang.tag).page);

  const rows: Row[] = [];
  rows.push(...await textRows(s, [{ text: title, style: 'bold' }], structure.add(root, 'H1'), new Map(), {
    size: style.title.size, lineHeight: style.title.lineHeight, align: 'start', colour: INK, hyphenate: false,
  }));
  const dateRows = await textRows(s, [{ text: formatDate(lang, pub.date), style: 'regular' }], structure.add(root, 'P'), new Map(), {
    size: style.small.size * 1.1, lineHeight: style.small.lineHeight, align: 'start', colour: MUTED, hyphenate: false,
  });
  dateRows[0].spaceBefore = style.body.size * 0.5;
  rows.push(...dateRows, ...await eventRows(s, pub, structure), accentBar(s));

  const blocks = bodyBlocks(pub.doc.tree, lang, structure, root);
  for (const [index, block] of blocks.entries()) {
    const blockRows = await bodyRows(s, block);
    if (blockRows.length === 0) continue;
    const previous = blocks[index - 1];
    blockRows[0].spaceBefore = block.kind === 'heading' ? style.body.size * 1.2
      : previous?.kind === 'heading' ? style.body.size * 0.3
      : block.marker && previous?.marker ? style.paragraphGap * 0.5
      : style.paragraphGap;
    if (block.kind === 'heading') blockRows[blockRows.length - 1].keepWithNext = true;
    rows.push(...blockRows);
  }

  const signature = await textRows(s, [{ text: pub.t('site.signature'), style: 'bold' }], structure.add(root, 'P'), new Map(), {
    size: style.body.size, lineHeight: style.body.lineHeight, align: 'start', colour: INK, hyphenate: false,
  });
  signature[0].spaceBefore = style.body.size * 1.4;
  // The signature never stands alone at the top of a page: it ends the text it signs.
  signature[0].avoidBreakBefore = true;
  rows.push(...signature);
  rows.push(...await signatoryRows(s, pub, structure));
  rows.push(await closingRow(s, structure, pub.t('print.readOnline'), url, await joinRows(s, pub, structure)));
  rows.push(...await responsibleRows(s, pub, structure));

  const area = style.height - style.margin.top - style.margin.bottom;
  const pages = paginate(rows, area);
  const last = pages[pages.length - 1];
  const lastPageFill = last.length ? (last[last.length - 1].top + last[last.length - 1].row.height) / area : 0;
  const frames: Frame[] = [];
  for (const [index, page] of pages.entries()) {
    const items: FrameItem[] = [];
    for (const { row, top } of page) items.push(...row.draw(style.margin.top + top));
    items.push(...await furniture(s, pub, index + 1, pages.length));
    frames.push({ width: style.width, height: style.height, items });
  }

  const date = documentDate(pub.date);
  const doc: LaidOutDocument = {
    info: {
      lang: lang.tag,
      title,
      author: pub.t('site.name'),
      subject: String(pub.doc.data.summary ?? ''),
      date,
      creator: `${SITE.organisation} statements`,
    },
    frames,
    structure: root,
  };
  return { doc, lastPageFill };
}

const small = (s: Setting, colour: Colour, extra: Partial<TextOptions> = {}): TextOptions => ({
  size: s.style.small.size * 1.1, lineHeight: s.style.small.lineHeight, align: 'start', colour, hyphenate: false, ...extra,
});

/** When and where the statement's event is, under the date line, in the language's calendar and digits. */
async function eventRows(s: Setting, pub: Publication, structure: StructureBuilder): Promise<Row[]> {
  const event = publishedEvent(pub.doc, pub.source);
  if (!event) return [];
  const { when, zone, where } = eventWords(event, s.lang);
  const node = structure.add(structure.root, 'P');
  const options = { size: s.style.body.size, lineHeight: s.style.body.lineHeight, align: 'start' as const, colour: INK, hyphenate: false };
  const rows = [
    ...await textRows(s, [{ text: `${pub.t('civic.eventHeading')}: `, style: 'bold' }, { text: `${when} (${zone})`, style: 'regular' }], node, new Map(), options),
    ...(where ? await textRows(s, [{ text: where, style: 'regular' }], structure.add(structure.root, 'P'), new Map(), options) : []),
  ];
  rows[0].spaceBefore = s.style.body.size * 0.8;
  rows[0].avoidBreakBefore = true;
  return rows;
}

/** The co-signers after the signature: a heading, then the names in one paragraph, linked where they have a site. */
async function signatoryRows(s: Setting, pub: Publication, structure: StructureBuilder): Promise<Row[]> {
  const signatories = publishedSignatories(pub.doc, pub.source);
  if (signatories.length === 0) return [];
  const heading = await textRows(s, [{ text: pub.t('civic.signatoriesHeading'), style: 'bold' }], structure.add(structure.root, 'H2'), new Map(), small(s, MUTED));
  const node = structure.add(structure.root, 'P');
  const runs: TextRun[] = [];
  const links = new Map<number, StructNode>();
  signatories.forEach((signatory, i) => {
    if (i > 0) runs.push({ text: ' · ', style: 'regular' });
    if (signatory.url) links.set(runs.length, structure.add(node, 'Link', { href: signatory.url }));
    runs.push({ text: signatory.name, style: 'regular', ...(signatory.url ? { href: signatory.url } : {}) });
  });
  const names = await textRows(s, runs, node, links, { size: s.style.body.size, lineHeight: s.style.body.lineHeight, align: 'start', colour: INK, hyphenate: false });
  heading[0].spaceBefore = s.style.body.size * 1.2;
  heading[heading.length - 1].keepWithNext = true;
  return [...heading, ...names];
}

/** The call to join: the language's sentence, then the address (left to right in every language), beside the QR code. */
async function joinRows(s: Setting, pub: Publication, structure: StructureBuilder): Promise<Row[]> {
  const join = joinFor(SITE, s.lang.tag);
  const node = structure.add(structure.root, 'P');
  const link = structure.add(node, 'Link', { href: join.url });
  const shown = join.url.replace(/^mailto:/, '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  const endIndent = s.style.qr + s.style.body.size;
  const text = await textRows(s, [{ text: join.text ?? pub.t('civic.joinText'), style: 'bold' }], node, new Map(), {
    size: s.style.small.size * 1.2, lineHeight: s.style.small.lineHeight, align: 'start', colour: INK, hyphenate: false, endIndent,
  });
  const address = await textRows(s, [{ text: shown, style: 'regular', href: join.url }], node, new Map([[0, link]]), {
    size: s.style.small.size * 1.2, lineHeight: s.style.small.lineHeight, align: s.rtl ? 'end' : 'start', direction: 'ltr', colour: ACCENT, hyphenate: false, endIndent,
  });
  // A little air between the call to join and the page's own address under it.
  address[address.length - 1].height += s.style.small.size * 0.6;
  return [...text, ...address];
}

/**
 * The V.i.S.d.P. line German press law asks for on leaflets: who answers for them, and where.
 * The German abbreviation is a bidi isolate, so its full stops stay put in right-to-left text.
 * There the name (Latin, as site.yaml writes it) gets a line of its own, set left to right:
 * within one line with the label, pdf.js reads the whole line left to right.
 */
async function responsibleRows(s: Setting, pub: Publication, structure: StructureBuilder): Promise<Row[]> {
  const { responsible, address } = SITE.imprint;
  const name = [responsible, ...address].join(', ');
  const options = { ...small(s, MUTED), size: s.style.small.size };
  const node = structure.add(structure.root, 'P');
  const visdp = '\u2066V.i.S.d.P.\u2069';
  let rows: Row[];
  if (!s.rtl) {
    rows = await textRows(s, [{ text: pub.t('print.responsible', { visdp, name }), style: 'regular' }], node, new Map(), options);
  } else {
    const label = pub.t('print.responsible', { visdp, name: '\u0000' }).split('\u0000').map((part) => part.trim()).filter(Boolean).join(' ');
    rows = [
      ...await textRows(s, [{ text: label, style: 'regular' }], node, new Map(), options),
      ...await textRows(s, [{ text: name, style: 'regular' }], node, new Map(), { ...options, align: 'end', direction: 'ltr' }),
    ];
  }
  rows[0].spaceBefore = s.style.body.size * 0.8;
  for (const row of rows) row.avoidBreakBefore = true;
  return rows;
}

/** The statement date at noon UTC, or SOURCE_DATE_EPOCH when set (reproducible builds). */
export function documentDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

interface TextOptions {
  size: number;
  lineHeight: number;
  align: Align;
  colour: Colour;
  hyphenate?: boolean;
  /** Indent from the start side, and width taken from the end side. */
  indent?: number;
  endIndent?: number;
  direction?: 'ltr' | 'rtl';
  linkColour?: Colour;
}

function tagOf(s: Setting, node: StructNode): Tag {
  let tag = s.tags.get(node.id);
  if (!tag) {
    tag = { node: node.id };
    s.tags.set(node.id, tag);
  }
  return tag;
}

/** Set runs as a paragraph and return one row per line. */
async function textRows(
  s: Setting, runs: TextRun[], node: StructNode, links: Map<number, StructNode>, o: TextOptions,
): Promise<Row[]> {
  const indent = o.indent ?? 0;
  const width = s.measure - indent - (o.endIndent ?? 0);
  const layout = await layoutParagraph({
    runs, lang: s.lang, size: o.size, width, lineHeight: o.lineHeight, align: o.align, hyphenate: o.hyphenate, direction: o.direction,
  });
  const x = s.rtl ? s.left + (o.endIndent ?? 0) : s.left + indent;
  return linesToRows(s, layout, x, node, links, runs, o.colour, o.linkColour);
}

function linesToRows(
  s: Setting, layout: ParagraphLayout, x: number, node: StructNode, links: Map<number, StructNode>, runs: TextRun[], ink: Colour,
  linkColour?: Colour,
): Row[] {
  const pitch = layout.lines.length > 1 ? layout.lines[1].baseline - layout.lines[0].baseline : layout.height;
  return layout.lines.map((line, i) => {
    const n = layout.lines.length;
    const tags: GlyphLine['tags'] = [];
    let last: Tag | undefined;
    line.glyphs.forEach((g, index) => {
      const linkNode = links.get(g.run);
      const tag = tagOf(s, linkNode ?? node);
      // Links in the running text are set in the accent colour; the address at the end is not.
      if (tag !== last) tags.push(linkNode && linkColour ? { from: index, tag, colour: linkColour } : { from: index, tag });
      last = tag;
    });
    const ascent = line.ascent;
    return {
      height: i === n - 1 ? layout.height - line.baseline + ascent : pitch,
      spaceBefore: 0,
      // No single first or last line of a paragraph alone on a page.
      avoidBreakBefore: n > 1 && (i === 1 || i === n - 1),
      hyphenated: line.hyphenated,
      draw: (top: number) => {
        const baseline = top + ascent;
        const items: FrameItem[] = [{ kind: 'glyphs', x, baseline, glyphs: line.glyphs, colour: ink, direction: layout.direction, tags }];
        items.push(...linkAreas(line.glyphs, runs, links, x, baseline, line.ascent, line.descent));
        return items;
      },
    };
  });
}

/** One clickable area per stretch of glyphs of the same link on a line. */
function linkAreas(
  glyphs: GlyphLine['glyphs'], runs: TextRun[], links: Map<number, StructNode>, x: number, baseline: number, ascent: number, descent: number,
): FrameItem[] {
  const areas: FrameItem[] = [];
  let i = 0;
  while (i < glyphs.length) {
    const node = links.get(glyphs[i].run);
    const href = runs[glyphs[i].run]?.href;
    if (!node || !href) {
      i++;
      continue;
    }
    const start = glyphs[i].x;
    let end = start;
    while (i < glyphs.length && links.get(glyphs[i].run) === node) {
      end = Math.max(end, glyphs[i].x + glyphs[i].advance);
      i++;
    }
    const top = baseline - ascent * 0.8;
    areas.push({ kind: 'link', x: x + start, y: top, width: end - start, height: ascent * 0.8 + descent * 0.8, href, node: node.id });
  }
  return areas;
}

async function bodyRows(s: Setting, block: TextBlock): Promise<Row[]> {
  const { style } = s;
  const heading = block.kind === 'heading';
  const size = heading ? style.heading.size : style.body.size;
  const indent = block.depth * style.indent;
  const rows = await textRows(s, block.runs, block.node, block.links, {
    size,
    lineHeight: heading ? style.heading.lineHeight : style.body.lineHeight,
    align: heading ? 'start' : 'justify',
    colour: INK,
    hyphenate: !heading,
    indent,
    linkColour: ACCENT,
  });
  if (block.marker && rows.length) rows[0] = await withMarker(s, rows[0], block.marker.text, block.marker.node, size, indent);
  if (block.quoteDepth > 0) for (const [i, row] of rows.entries()) rows[i] = withQuoteRule(s, row, block.quoteDepth);
  return rows;
}

/** The list marker, set in the gutter on the start side of the item's first line. */
async function withMarker(s: Setting, row: Row, text: string, node: StructNode, size: number, indent: number): Promise<Row> {
  const gap = size * 0.6;
  const width = s.style.indent - gap;
  const layout = await layoutParagraph({
    runs: [{ text, style: 'regular' }], lang: s.lang, size, width, lineHeight: s.style.body.lineHeight, align: 'end', hyphenate: false,
  });
  const line = layout.lines[0];
  const x = s.rtl ? s.left + s.measure - indent + gap : s.left + indent - s.style.indent;
  const tags = [{ from: 0, tag: tagOf(s, node) }];
  return {
    ...row,
    draw: (top: number) => {
      const items = row.draw(top);
      const first = items.find((i): i is GlyphLine => i.kind === 'glyphs');
      const baseline = first ? first.baseline : top + line.ascent;
      // The marker is read before the item's text: put it first.
      return [{ kind: 'glyphs', x, baseline, glyphs: line.glyphs, colour: MUTED, direction: layout.direction, tags }, ...items];
    },
  };
}

/** A thin accent rule beside quoted text, on the start side. */
function withQuoteRule(s: Setting, row: Row, depth: number): Row {
  const offset = (depth - 1) * s.style.indent + s.style.indent * 0.35;
  const x = s.rtl ? s.left + s.measure - offset - 1.5 : s.left + offset;
  return {
    ...row,
    draw: (top: number) => [
      { kind: 'box', x, y: top, width: 1.5, height: row.height, colour: ACCENT, tag: { artifact: 'Layout' } },
      ...row.draw(top),
    ],
  };
}

/** A short accent bar under the date, on the start side. */
function accentBar(s: Setting): Row {
  const width = s.style.width * 0.12;
  return {
    height: 2,
    spaceBefore: s.style.body.size * 0.8,
    avoidBreakBefore: true,
    keepWithNext: true,
    draw: (top) => [{
      kind: 'box', x: s.rtl ? s.left + s.measure - width : s.left, y: top, width, height: 2, colour: ACCENT, tag: { artifact: 'Layout' },
    }],
  };
}

/** The closing: a rule, then `lead` (the call to join) and the page's address, with a QR code to it on the end side. */
async function closingRow(s: Setting, structure: StructureBuilder, readOnline: string, url: string, lead: Row[] = []): Promise<Row> {
  const { style } = s;
  const qr = style.qr;
  const gap = style.body.size;
  const paragraph = structure.add(structure.root, 'P');
  const link = structure.add(paragraph, 'Link', { href: url });
  const figure = structure.add(structure.root, 'Figure', { alt: `QR code: ${url}` });
  const labelRows = await textRows(s, [{ text: readOnline, style: 'regular' }], paragraph, new Map(), {
    size: style.small.size * 1.1, lineHeight: style.small.lineHeight, align: 'start', colour: MUTED, hyphenate: false, endIndent: qr + gap,
  });
  const urlRuns: TextRun[] = [{ text: url, style: 'regular', href: url }];
  // A web address reads left to right in every language; in RTL pages it still sits on the right.
  // Set in ink, a little larger: people type it off noticeboards (and OCR reads it).
  const urlRows = await textRows(s, urlRuns, paragraph, new Map([[0, link]]), {
    size: style.small.size * 1.2, lineHeight: style.small.lineHeight, align: s.rtl ? 'end' : 'start', direction: 'ltr', colour: INK, hyphenate: false, endIndent: qr + gap,
  });
  const textRowsAll = [...lead, ...labelRows, ...urlRows];
  const textHeight = textRowsAll.reduce((h, r) => h + r.height, 0);
  const code = await qrCode(url);
  const ruleGap = style.body.size * 0.9;
  const height = ruleGap + Math.max(qr, textHeight);
  return {
    height,
    spaceBefore: style.body.size * 1.6,
    avoidBreakBefore: true,
    draw: (top) => {
      const items: FrameItem[] = [
        { kind: 'box', x: s.left, y: top, width: s.measure, height: 0.6, colour: RULE, tag: { artifact: 'Layout' } },
      ];
      // The text sits level with the QR code's modules, not its quiet zone.
      const qrTop = top + ruleGap;
      const quiet = (qr / 45) * 4;
      let y = qrTop + Math.max(0, (qr - textHeight) / 2) - quiet * 0.2;
      for (const row of textRowsAll) {
        items.push(...row.draw(y));
        y += row.height;
      }
      const qrX = s.rtl ? s.left : s.left + s.measure - qr;
      // The quiet zone extends past the column edge; the module area lines up with the text.
      const shift = s.rtl ? -quiet : quiet;
      items.push(...qrBoxes(code, qrX + shift, qrTop - quiet * 0.5, qr, INK, tagOf(s, figure)));
      return items;
    },
  };
}

/** Running header (organisation name and a rule) and the folio "n / N", all artifacts. */
async function furniture(s: Setting, pub: Publication, page: number, pages: number): Promise<FrameItem[]> {
  const { style } = s;
  const tag: Tag = { artifact: 'Pagination' };
  const items: FrameItem[] = [];
  const header = await layoutParagraph({
    runs: [{ text: pub.t('site.name'), style: 'bold' }], lang: s.lang, size: style.small.size, width: s.measure,
    lineHeight: 1.2, align: 'start', hyphenate: false,
  });
  const headerBaseline = style.margin.top * 0.55;
  for (const line of header.lines) {
    items.push({ kind: 'glyphs', x: s.left, baseline: headerBaseline, glyphs: line.glyphs, colour: ACCENT, direction: header.direction, tags: [{ from: 0, tag }] });
  }
  items.push({ kind: 'box', x: s.left, y: headerBaseline + style.small.size * 0.6, width: s.measure, height: 0.5, colour: RULE, tag });
  const folioText = pub.t('print.pageShort', { page: formatNumber(s.lang, page), pages: formatNumber(s.lang, pages) });
  const folio = await layoutParagraph({
    runs: [{ text: folioText, style: 'regular' }], lang: s.lang, size: style.small.size, width: s.measure,
    lineHeight: 1.2, align: 'center', hyphenate: false,
  });
  const folioBaseline = style.height - style.margin.bottom * 0.5;
  for (const line of folio.lines) {
    items.push({ kind: 'glyphs', x: s.left, baseline: folioBaseline, glyphs: line.glyphs, colour: MUTED, direction: folio.direction, tags: [{ from: 0, tag }] });
  }
  return items;
}
