/**
 * Parsed views of one document that many rules need: its blocks in reading order, its text
 * runs (the raw characters of every piece of prose, with their offsets, so a rule can point
 * at one exact character), its translatable front matter fields, and the alignment of its
 * blocks with the English source. Computed once per document and cached.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { location } from 'vfile-location';
import type { Document, Point } from '../content/index.js';
import type { FontStyle } from '../fonts.js';

/** Front matter fields a translator translates; their text is checked like the body. */
export const TRANSLATABLE_FIELDS = ['title', 'summary', 'quote'] as const;

/** Block nodes whose children are inline text. */
const LEAF_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'code']);
/** Nodes that are not part of the document's visible structure. */
const INVISIBLE_TYPES = new Set(['yaml', 'definition', 'footnoteDefinition']);

export interface Block {
  node: Nodes;
  /** Nesting depth and kind, e.g. `0:heading2`, `1:listItem`; equal signatures mean equal structure. */
  signature: string;
  line: number;
  column: number;
  leaf: boolean;
  /** The plain text of a leaf block; empty for containers. */
  text: string;
}

export interface TextRun {
  /** The characters as written in the file (escapes included), so offsets map 1:1. */
  text: string;
  /** Offset of the first character in the document text. */
  offset: number;
  /** The front matter key, for runs taken from the front matter. */
  field?: string;
  /** Index into `blocks` of the leaf block holding this run; -1 for fields. */
  block: number;
  style: FontStyle;
  /** Code is typeset but not prose: typography rules skip it, font coverage does not. */
  code?: boolean;
  /** A bare URL written as link text. */
  url?: boolean;
}

export interface Field {
  key: string;
  /** The value as the YAML parser read it. */
  value: string;
  place: Point;
}

export interface Alignment {
  /** Index into the source blocks, or undefined when the translation has an extra block. */
  source?: number;
  /** Index into the translation blocks, or undefined when the translation lacks a block. */
  translation?: number;
}

export class Analysis {
  readonly blocks: Block[];
  readonly runs: TextRun[];
  readonly fields: Field[];
  private readonly locate: ReturnType<typeof location>;

  constructor(readonly doc: Document) {
    this.locate = location(doc.text);
    this.blocks = collectBlocks(doc.tree);
    this.runs = [];
    this.fields = [];
    this.collectFields();
    this.blocks.forEach((block, index) => {
      if (block.leaf) this.collectRuns(block.node, index, block.node.type === 'heading' ? 'bold' : 'regular', false);
    });
  }

  point(offset: number): Point {
    const p = this.locate.toPoint(offset);
    return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
  }

  offset(point: Point): number {
    return this.locate.toOffset(point) ?? 0;
  }

  private byBlock?: Map<number, TextRun[]>;

  /** The text runs of one leaf block (index into `blocks`). */
  runsOf(block: number): TextRun[] {
    if (!this.byBlock) {
      this.byBlock = new Map();
      for (const run of this.runs) {
        if (run.block < 0) continue;
        if (!this.byBlock.has(run.block)) this.byBlock.set(run.block, []);
        this.byBlock.get(run.block)!.push(run);
      }
    }
    return this.byBlock.get(block) ?? [];
  }

  private collectFields(): void {
    for (const key of TRANSLATABLE_FIELDS) {
      const value = this.doc.data[key];
      const place = this.doc.fieldPlaces[key];
      if (typeof value !== 'string' || !place) continue;
      this.fields.push({ key, value, place });
      // The raw value: the rest of the line, without the YAML quotes around it.
      let start = this.offset(place);
      let end = this.doc.text.indexOf('\n', start);
      if (end === -1) end = this.doc.text.length;
      const first = this.doc.text[start];
      if ((first === '"' || first === "'") && end - start >= 2 && this.doc.text[end - 1] === first) {
        start += 1;
        end -= 1;
      }
      this.runs.push({ text: this.doc.text.slice(start, end), offset: start, field: key, block: -1, style: key === 'title' ? 'bold' : 'regular' });
    }
  }

  private collectRuns(node: Nodes, block: number, style: FontStyle, url: boolean): void {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const code = node.type !== 'text';
      this.runs.push({ text: this.doc.text.slice(start, end), offset: start, block, style, code, url });
      return;
    }
    if (!('children' in node)) return;
    let childStyle = style;
    if (node.type === 'strong') childStyle = style === 'italic' || style === 'boldItalic' ? 'boldItalic' : 'bold';
    if (node.type === 'emphasis') childStyle = style === 'bold' || style === 'boldItalic' ? 'boldItalic' : 'italic';
    const isUrl = url || ((node.type === 'link') && toString(node).trim() === node.url);
    for (const child of node.children) this.collectRuns(child as Nodes, block, childStyle, isUrl);
  }
}

function collectBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (parent: Parents, depth: number) => {
    for (const node of parent.children as Nodes[]) {
      if (INVISIBLE_TYPES.has(node.type) || isComment(node)) continue;
      const leaf = LEAF_TYPES.has(node.type);
      blocks.push({
        node,
        signature: `${depth}:${kind(node)}`,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        leaf,
        text: leaf ? plain(node) : '',
      });
      if (!leaf && 'children' in node && isBlockParent(node)) visit(node as Parents, depth + 1);
    }
  };
  visit(tree, 0);
  return blocks;
}

function isBlockParent(node: Nodes): boolean {
  return ['blockquote', 'list', 'listItem', 'table', 'tableRow'].includes(node.type);
}

export function isComment(node: Nodes): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->\s*$/.test(node.value);
}

function kind(node: Nodes): string {
  if (node.type === 'heading') return `heading${node.depth}`;
  if (node.type === 'list') return node.ordered ? 'list-ordered' : 'list-bullet';
  return node.type;
}

/** Plain text with whitespace collapsed. */
export function plain(node: Nodes): string {
  return collapse(textOf(node));
}

function textOf(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A block described for a translator: “a paragraph”, “a level-2 heading”. */
export function describeBlock(node: Nodes): string {
  switch (node.type) {
    case 'heading': return `a level-${node.depth} heading`;
    case 'paragraph': return 'a paragraph';
    case 'list': return node.ordered ? 'a numbered list' : 'a bulleted list';
    case 'listItem': return 'a list item';
    case 'blockquote': return 'a quotation block (lines starting with >)';
    case 'thematicBreak': return 'a horizontal line (---)';
    case 'code': return 'a code block';
    case 'table': return 'a table';
    case 'tableRow': return 'a table row';
    case 'tableCell': return 'a table cell';
    case 'html': return 'an HTML block';
    default: return `a ${node.type} block`;
  }
}

/** Cells of the alignment table above which blocks are paired by position. */
const MAX_TABLE = 4_000_000;

/** Longest common subsequence of block signatures: which source block each translation block renders. */
export function align(source: Block[], translation: Block[]): Alignment[] {
  const n = source.length;
  const m = translation.length;
  // A pathological file (tens of thousands of blocks on both sides) would need a huge table:
  // pair blocks by position instead, which is exact whenever the structure matches.
  if (n * m > MAX_TABLE) return alignByPosition(source, translation);
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = source[i].signature === translation[j].signature
        ? table[i + 1][j + 1] + 1
        : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const result: Alignment[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && source[i].signature === translation[j].signature) result.push({ source: i++, translation: j++ });
    else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) result.push({ translation: j++ });
    else result.push({ source: i++ });
  }
  return result;
}

function alignByPosition(source: Block[], translation: Block[]): Alignment[] {
  const result: Alignment[] = [];
  for (let i = 0; i < Math.max(source.length, translation.length); i++) {
    const s = i < source.length ? i : undefined;
    const t = i < translation.length ? i : undefined;
    if (s !== undefined && t !== undefined && source[s].signature !== translation[t].signature) result.push({ source: s }, { translation: t });
    else result.push({ source: s, translation: t });
  }
  return result;
}

const cache = new WeakMap<Document, Analysis>();
const alignments = new WeakMap<Document, Alignment[]>();

export function analyse(doc: Document): Analysis {
  let analysis = cache.get(doc);
  if (!analysis) {
    analysis = new Analysis(doc);
    cache.set(doc, analysis);
  }
  return analysis;
}

/** The alignment of a translation's blocks with its source's, computed once. */
export function alignment(source: Document, translation: Document): Alignment[] {
  let result = alignments.get(translation);
  if (!result) {
    result = align(analyse(source).blocks, analyse(translation).blocks);
    alignments.set(translation, result);
  }
  return result;
}

/** Pairs of aligned leaf blocks (same position in the structure). */
export function leafPairs(source: Document, translation: Document): Array<{ source: Block; translation: Block; sourceIndex: number; translationIndex: number }> {
  const s = analyse(source).blocks;
  const t = analyse(translation).blocks;
  return alignment(source, translation)
    .filter((a) => a.source !== undefined && a.translation !== undefined && s[a.source].leaf)
    .map((a) => ({ source: s[a.source!], translation: t[a.translation!], sourceIndex: a.source!, translationIndex: a.translation! }));
}
