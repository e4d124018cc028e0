/**
 * The statement body through unified: the loader's remark tree (remark-parse + remark-gfm)
 * → remark-rehype → sanitize → typography. Serialising (rehype-stringify) happens once for the
 * whole page in document.ts.
 */
import type { Root as MdastRoot } from 'mdast';
import type { Root, Element } from 'hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { Language } from '../../languages.js';
import { bodySchema, demoteHeadings, safeLinks } from './sanitize.js';
import { typography } from './typography.js';

export interface BodyOptions {
  lang: Language;
  /** Heading of the footnotes section in the page language; without one the section has no heading (never English). */
  footnoteLabel?: string;
}

export async function renderBody(tree: MdastRoot, options: BodyOptions): Promise<Root> {
  const processor = unified()
    .use(remarkRehype, {
      footnoteLabel: options.footnoteLabel ?? '-',
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: {},
      footnoteBackLabel: (i: number, k: number) => `↩ ${i + 1}${k > 1 ? `.${k}` : ''}`,
    })
    .use(() => (hast: Root) => { if (!options.footnoteLabel) dropFootnoteLabel(hast); })
    .use(demoteHeadings)
    .use(rehypeSanitize, bodySchema)
    .use(safeLinks)
    .use(() => (hast: Root) => typography(hast, options.lang));
  // The loader's tree is shared with the checker and other exporters: work on a copy.
  return (await processor.run(structuredClone(tree))) as Root;
}

function dropFootnoteLabel(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'h2' && String(node.properties.id).endsWith('footnote-label') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    delete node.properties.ariaDescribedBy;
  });
}
