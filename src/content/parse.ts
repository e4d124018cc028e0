/**
 * Parsing one Markdown file with YAML front matter into an mdast tree with positions.
 * Problems become messages on the file; the tree is returned whenever Markdown parsing
 * was possible, so the checker can go on reporting everything else.
 */
import type { Root, Yaml } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { location } from 'vfile-location';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

export interface Point {
  line: number;
  column: number;
}

/** Front matter as written; values are not yet validated (the checker does that). */
export type FrontMatter = Record<string, unknown>;

export interface Parsed {
  tree: Root;
  data: FrontMatter;
  /** Where each front matter key's value starts, for diagnostics. */
  fieldPlaces: Record<string, Point>;
  /** Where the front matter block starts, or line 1. */
  frontMatterPlace: Point;
  /**
   * Where a heading stood that opened the text with the title itself. It is left out of
   * `tree`: pages and PDFs print the title from the front matter, and would print it twice.
   */
  repeatedTitle?: Point;
}

const commonMark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const withGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * Text that could hold a GitHub-flavoured construct: a table or task list, strikethrough, a
 * footnote, or a bare URL or e-mail address. Without any of these characters GFM parses
 * exactly as CommonMark does, and CommonMark alone takes a third less time (the checker parses
 * every file of every language).
 */
const GFM_TRIGGER = /[|~@]|\[\^|\[[ xX]\]|www\.|https?:/i;

export function parseMarkdown(text: string, file: VFile): Parsed {
  const processor = GFM_TRIGGER.test(text) ? withGfm : commonMark;
  const tree = processor.runSync(processor.parse(text)) as Root;
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  const result: Parsed = { tree, data: {}, fieldPlaces: {}, frontMatterPlace: { line: 1, column: 1 } };
  if (!yamlNode) {
    report(file, 'This file has no front matter block. It must start with a line `---`, then the fields (title, summary, …), then another `---`.',
      { line: 1, column: 1 }, 'content-front-matter-missing',
      'Copy the first lines of the English file, from `---` to `---`, and translate the values.');
    return result;
  }
  result.frontMatterPlace = { line: yamlNode.position!.start.line, column: 1 };
  readFrontMatter(yamlNode, text, file, result);
  dropRepeatedTitle(result);
  return result;
}

function dropRepeatedTitle(result: Parsed): void {
  const first = result.tree.children[1];
  const title = result.data.title;
  if (first?.type !== 'heading' || typeof title !== 'string' || !first.position) return;
  if (sameWords(toString(first), title)) {
    result.tree.children.splice(1, 1);
    result.repeatedTitle = { line: first.position.start.line, column: first.position.start.column };
  }
}

/** Equal but for spacing: line breaks, runs of spaces, spaces at either end. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  return words(a) === words(b);
}

function readFrontMatter(node: Yaml, text: string, file: VFile, result: Parsed): void {
  // The YAML text starts on the line after the opening `---`.
  const yamlStart = text.indexOf('\n', node.position!.start.offset!) + 1;
  const toPoint = location(text).toPoint;
  const at = (offset: number): Point => {
    const p = toPoint(yamlStart + offset);
    return p ? { line: p.line, column: p.column } : result.frontMatterPlace;
  };
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    report(file, `The front matter is not valid YAML: ${plainYamlError(error.message)}.`, at(error.pos[0]), 'content-front-matter-yaml',
      'Write each field on its own line as `name: "value"`, and put values containing a colon or quotes inside double quotes.');
    return;
  }
  if (doc.contents === null) return;
  if (!isMap(doc.contents)) {
    report(file, 'The front matter must be a list of fields like `title: "…"`, one per line.', result.frontMatterPlace, 'content-front-matter-yaml');
    return;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as YamlNode | null;
    result.data[key] = value && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : null;
    const range = (value ?? (pair.key as YamlNode))?.range;
    result.fieldPlaces[key] = range ? at(range[0]) : result.frontMatterPlace;
  }
}

function plainYamlError(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function report(file: VFile, reason: string, place: Point, ruleId: string, fix?: string): void {
  const message = file.message(reason, { place, ruleId, source: 'content' });
  message.fatal = true;
  if (fix) message.note = fix;
}
