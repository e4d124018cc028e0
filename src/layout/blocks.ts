/**
 * The statement's Markdown body → a flat list of text blocks with styled runs, each tied to
 * a node of the logical structure (H2, P, L/LI/Lbl/LBody, BlockQuote, Link). Layout then
 * sets each block with the text engine; nothing after this step knows Markdown.
 */
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { FontStyle } from '../fonts.js';
import type { Language } from '../languages.js';
import { formatNumber } from '../languages.js';
import type { TextRun } from '../typeset/types.js';
import type { StructNode, StructRole } from './frame.js';
import { isSafeLink } from '../content/links.js';

export type BlockKind = 'heading' | 'paragraph' | 'quote';

export interface TextBlock {
  kind: BlockKind;
  runs: TextRun[];
  /** Structure node the block's text belongs to. */
  node: StructNode;
  /** Link structure node per run index, for runs inside a link. */
  links: Map<number, StructNode>;
  /** Nesting depth of lists and quotes: how far the block is indented from the start side. */
  depth: number;
  /** Depth of enclosing quotes (a rule is drawn beside quoted text). */
  quoteDepth: number;
  /** List marker text and its Lbl node, on the first block of a list item. */
  marker?: { text: string; node: StructNode };
}

export class StructureBuilder {
  private next = 0;
  readonly root: StructNode = this.make('Document');

  make(role: StructRole, extra: Partial<StructNode> = {}): StructNode {
    return { id: this.next++, role, children: [], ...extra };
  }

  add(parent: StructNode, role: StructRole, extra: Partial<StructNode> = {}): StructNode {
    const node = this.make(role, extra);
    parent.children.push(node);
    return node;
  }
}

interface Context {
  lang: Language;
  structure: StructureBuilder;
  blocks: TextBlock[];
}

export function bodyBlocks(tree: Root, lang: Language, structure: StructureBuilder, parent: StructNode): TextBlock[] {
  const context: Context = { lang, structure, blocks: [] };
  for (const child of tree.children) block(context, child, parent, 0, 0);
  return context.blocks;
}

function block(c: Context, node: RootContent | BlockContent | DefinitionContent, parent: StructNode, depth: number, quoteDepth: number): void {
  switch (node.type) {
    case 'heading': {
      const role = (['H2', 'H2', 'H2', 'H3', 'H3', 'H3'] as const)[node.depth - 1];
      push(c, 'heading', node.children, c.structure.add(parent, role), depth, quoteDepth, 'bold');
      break;
    }
    case 'paragraph':
      push(c, quoteDepth > 0 ? 'quote' : 'paragraph', node.children, c.structure.add(parent, 'P'), depth, quoteDepth);
      break;
    case 'blockquote': {
      const quote = c.structure.add(parent, 'BlockQuote');
      for (const child of node.children) block(c, child, quote, depth + 1, quoteDepth + 1);
      break;
    }
    case 'list': {
      const list = c.structure.add(parent, 'L');
      const start = node.start ?? 1;
      node.children.forEach((item, index) => {
        const marker = node.ordered ? `${formatNumber(c.lang, start + index)}.` : depth % 2 === 0 ? '•' : '◦';
        listItem(c, item, list, marker, depth, quoteDepth);
      });
      break;
    }
    case 'code':
      c.blocks.push({
        kind: 'paragraph', runs: [{ text: node.value, style: 'regular' }], node: c.structure.add(parent, 'P'),
        links: new Map(), depth, quoteDepth,
      });
      break;
    default:
      // Front matter, thematic breaks, HTML and definitions are not printed.
      break;
  }
}

function listItem(c: Context, item: ListItem, list: StructNode, marker: string, depth: number, quoteDepth: number): void {
  const li = c.structure.add(list, 'LI');
  const label = c.structure.add(li, 'Lbl');
  const body = c.structure.add(li, 'LBody');
  const first = c.blocks.length;
  for (const child of item.children) block(c, child, body, depth + 1, quoteDepth);
  if (c.blocks[first]) c.blocks[first].marker = { text: marker, node: label };
}

function push(c: Context, kind: BlockKind, children: PhrasingContent[], node: StructNode, depth: number, quoteDepth: number, style: FontStyle = 'regular'): void {
  const runs: TextRun[] = [];
  const links = new Map<number, StructNode>();
  inline(c, children, style, undefined, runs, links, node);
  // A paragraph never starts or ends with a forced break or blank.
  while (runs.length && /^\s*$/.test(runs[runs.length - 1].text)) runs.pop();
  if (runs.length === 0) return;
  c.blocks.push({ kind, runs, node, links, depth, quoteDepth });
}

function inline(
  c: Context, nodes: PhrasingContent[], style: FontStyle, link: { href: string; node: StructNode } | undefined,
  runs: TextRun[], links: Map<number, StructNode>, parent: StructNode,
): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        add(runs, links, tie(node.value.replace(/\s*\n\s*/g, ' ')), style, link);
        break;
      case 'inlineCode':
        add(runs, links, node.value, style, link);
        break;
      case 'break':
        add(runs, links, '\n', style, link);
        break;
      case 'emphasis':
        inline(c, node.children, style === 'bold' || style === 'boldItalic' ? 'boldItalic' : 'italic', link, runs, links, parent);
        break;
      case 'strong':
        inline(c, node.children, style === 'italic' || style === 'boldItalic' ? 'boldItalic' : 'bold', link, runs, links, parent);
        break;
      case 'delete':
        inline(c, node.children, style, link, runs, links, parent);
        break;
      case 'link': {
        // An unsafe target (javascript:, data:, relative …) keeps its words and loses its link.
        if (!isSafeLink(node.url)) {
          inline(c, node.children, style, link, runs, links, parent);
          break;
        }
        const linkNode = c.structure.add(parent, 'Link', { href: node.url });
        inline(c, node.children, style, { href: node.url, node: linkNode }, runs, links, parent);
        break;
      }
      default:
        break;
    }
  }
}

/** Keep § and № with the number after them, as typesetters do. */
function tie(text: string): string {
  return text.replace(/([§№]) (?=[\p{N}])/gu, '$1\u00A0');
}

function add(runs: TextRun[], links: Map<number, StructNode>, text: string, style: FontStyle, link?: { href: string; node: StructNode }): void {
  if (!text) return;
  if (runs.length === 0) text = text.replace(/^\s+/, '');
  if (!text) return;
  const run: TextRun = { text, style };
  if (link) {
    run.href = link.href;
    links.set(runs.length, link.node);
  }
  runs.push(run);
}
