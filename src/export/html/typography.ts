/**
 * Language-aware typography on a sanitised hast tree: the language's quotation marks where
 * the translator typed straight quotes, no-break spaces where the language wants them, and
 * (in right-to-left languages) isolation of left-to-right runs, see bidi.ts.
 */
import type { Element, Root, Text, Parent } from 'hast';
import type { Language } from '../../languages.js';
import { isolateLtrRuns } from './bidi.js';

/** Elements whose text is code or otherwise not prose. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);
/** Elements that start a new run of prose: quotes never pair across them. */
const BLOCKS = new Set(['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'figcaption', 'div', 'section', 'header', 'footer', 'main', 'article', 'aside', 'nav', 'title']);

/** Languages that keep a dash on the line of the word before it. */
const NBSP_BEFORE_DASH = new Set(['ru', 'be']);

export function typography(tree: Root | Element, lang: Language): void {
  for (const block of proseBlocks(tree)) {
    const texts = textNodes(block);
    smartQuotes(texts, lang);
    for (const node of texts) node.value = noBreakSpaces(node.value, lang);
  }
  if (lang.dir === 'rtl') isolateLtrRuns(tree);
}

/** Apply typography to a plain string (titles in <title>, meta descriptions, feeds). */
export function typographyText(value: string, lang: Language): string {
  const node: Text = { type: 'text', value };
  smartQuotes([node], lang);
  return noBreakSpaces(node.value, lang);
}

function proseBlocks(tree: Root | Element): (Root | Element)[] {
  const blocks: (Root | Element)[] = [tree];
  const walk = (node: Parent) => {
    for (const child of node.children) {
      if (child.type !== 'element' || VERBATIM.has(child.tagName)) continue;
      if (BLOCKS.has(child.tagName)) blocks.push(child);
      walk(child);
    }
  };
  walk(tree);
  return blocks;
}

/** The text nodes of a block in reading order, not descending into nested blocks or code. */
function textNodes(block: Root | Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Parent) => {
    for (const child of node.children) {
      if (child.type === 'text') out.push(child);
      else if (child.type === 'element' && !VERBATIM.has(child.tagName) && !BLOCKS.has(child.tagName)) walk(child);
    }
  };
  walk(block);
  return out;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\u00AB\u201E\u201C\u2018\u201A-]/u;

/**
 * Straight double quotes become the language's marks: a quote after a space, an opening
 * bracket or a dash opens, any other closes; a quote opened inside a quote uses the inner
 * marks. A straight apostrophe between letters becomes ’.
 */
export function smartQuotes(texts: Text[], lang: Language): void {
  const q = lang.quotes;
  let depth = 0;
  let previous = '';
  for (const node of texts) {
    let out = '';
    const chars = [...node.value];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      const next = chars[i + 1] ?? '';
      if (c === '"') {
        const opens = previous === '' || OPENING_CONTEXT.test(previous);
        if (opens) {
          out += depth % 2 === 0 ? q.open : q.innerOpen;
          depth++;
        } else {
          depth = Math.max(0, depth - 1);
          out += depth % 2 === 0 ? q.close : q.innerClose;
        }
      } else if (c === "'" && /\p{L}/u.test(previous) && /\p{L}/u.test(next)) {
        out += '\u2019';
      } else {
        out += c;
      }
      previous = c;
    }
    node.value = out;
  }
}

/**
 * No-break spaces: before a dash in Russian and Belarusian (a dash never starts a line there),
 * and after § and № in every language (the sign stays with its number).
 */
export function noBreakSpaces(value: string, lang: Language): string {
  let result = value.replace(/([§№]) (?=\p{N})/gu, '$1\u00A0');
  if (NBSP_BEFORE_DASH.has(lang.tag)) result = result.replace(/ ([\u2014\u2013])/g, '\u00A0$1');
  return result;
}
