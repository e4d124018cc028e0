/**
 * Translations are untrusted. remark-rehype already drops raw HTML (we never pass
 * `allowDangerousHtml`); this schema then keeps only the elements and attributes Markdown
 * itself produces, and `safeLinks` keeps only links a reader can follow safely.
 */
import type { Element, Root, ElementContent } from 'hast';
import type { Schema } from 'hast-util-sanitize';
import { visit, SKIP } from 'unist-util-visit';

import { isSafeLink } from '../../content/links.js';

export { LINK_PROTOCOLS } from '../../content/links.js';

export const bodySchema: Schema = {
  strip: ['script', 'style', 'template', 'iframe', 'object', 'svg', 'math'],
  // Markdown has no syntax for ids and raw HTML never gets here: the only ids are the footnote
  // ids remark-rehype itself makes, already prefixed `user-content-`. Prefixing again would break them.
  clobber: [],
  tagNames: [
    'p', 'br', 'hr', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'sup',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section',
  ],
  attributes: {
    a: ['href', 'id', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
    li: ['id'],
    h2: ['id'], h3: ['id'],
    ol: [['start', /^\d+$/]],
    section: ['dataFootnotes'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
};

/** True for an absolute http(s)/mailto URL, as a browser would parse it (entities and control characters already decoded). */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('#user-content-')) return true; // footnote links inside the page
  return isSafeLink(href);
}

/** Replace every link whose target is not safe by its text, so the words stay and the link goes. */
export function safeLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return;
      const href = node.properties.href;
      if (typeof href === 'string' && isSafeHref(href)) {
        if (!href.startsWith('#')) node.properties.rel = ['noopener', 'noreferrer'];
        return;
      }
      parent.children.splice(index, 1, ...(node.children as ElementContent[]));
      return [SKIP, index];
    });
  };
}

/** The page has one h1, the title: a heading in the statement body moves one level down. */
export function demoteHeadings() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const level = /^h([1-6])$/.exec(node.tagName);
      if (level) node.tagName = `h${Math.min(6, Number(level[1]) + 1)}`;
    });
  };
}
