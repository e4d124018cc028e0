/**
 * Finding and loading everything under statements/ and translations/.
 *
 * Layout:
 *   statements/<slug>.md                 the English source of each statement
 *   translations/<lang>/<slug>.md        one translation
 *   translations/<lang>/ui.json          the page chrome strings of one language (en is the reference)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../languages.js';
import { readText } from './read.js';
import { parseMarkdown, type FrontMatter, type Parsed, type Point } from './parse.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Names the site uses for folders of its own beside the statements' (dist/feeds/, dist/fonts/,
 * dist/release/, and each language's home page dist/<lang>/, lower-cased because USB sticks'
 * file systems ignore case): a statement of that name would mix its files with them.
 */
export const RESERVED_SLUGS = ['feeds', 'fonts', 'release', ...LANGUAGES.map((l) => l.tag.toLowerCase())];

export interface Document {
  kind: 'source' | 'translation';
  slug: string;
  lang: Language;
  /** Repo-relative path with forward slashes, as messages show it. */
  path: string;
  /** Carries the text as `value` and every message about this file. */
  file: VFile;
  /** NFC text with LF line endings and no BOM. */
  text: string;
  tree: Root;
  data: FrontMatter;
  fieldPlaces: Record<string, Point>;
  frontMatterPlace: Point;
  /** A leading heading that repeated the title, left out of `tree` (see Parsed). */
  repeatedTitle?: Point;
}

export interface UiStrings {
  lang: Language;
  path: string;
  file: VFile;
  text: string;
  /** The parsed resources, or undefined when the JSON is broken. */
  resources?: Record<string, unknown>;
}

export interface Repository {
  root: string;
  languages: Language[];
  statements: Document[];
  translations: Document[];
  ui: UiStrings[];
  /** Files that could not be loaded at all, and problems with the layout itself. */
  problems: VFile[];
}

export interface LoadOptions {
  languages?: Language[];
  /** Parses one Markdown file: parseMarkdown, or the same with results kept between runs. */
  parse?: (text: string, file: VFile) => Parsed;
}

type Parser = NonNullable<LoadOptions['parse']>;

export function loadRepository(root: string, options: LoadOptions = {}): Repository {
  const languages = options.languages ?? LANGUAGES;
  const repo: Repository = { root, languages, statements: [], translations: [], ui: [], problems: [] };
  const parse = options.parse ?? parseMarkdown;
  const source = languages.find((l) => l.source) ?? SOURCE_LANGUAGE;
  for (const name of listDir(path.join(root, 'statements'))) {
    loadMarkdown(repo, parse, 'statements', name, source, 'source', repo.statements);
  }
  for (const folder of listDir(path.join(root, 'translations'))) {
    loadLanguageFolder(repo, parse, folder);
  }
  return repo;
}

function loadLanguageFolder(repo: Repository, parse: Parser, folder: string): void {
  const rel = `translations/${folder}`;
  const abs = path.join(repo.root, rel);
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(abs).isDirectory();
  } catch (error) {
    // A dangling symlink or an unreadable entry: report it rather than crash.
    problem(repo, rel, `“${folder}” could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'content-unreadable',
      'Remove it, or replace it with a real folder named after a language tag.');
    return;
  }
  if (!isDirectory) return;
  const lang = repo.languages.find((l) => l.tag === folder);
  if (!lang) {
    const known = repo.languages.map((l) => l.tag).join(', ');
    problem(repo, rel, `The folder “${folder}” is not a known language. Known languages: ${known}.`, 'content-unknown-language',
      'Rename the folder to one of the known language tags (case matters, e.g. fa-AF), or ask an organiser to add the language to src/languages.ts.');
    return;
  }
  for (const name of listDir(abs)) {
    if (name === 'ui.json') loadUi(repo, lang, `${rel}/ui.json`);
    else if (!lang.source) loadMarkdown(repo, parse, rel, name, lang, 'translation', repo.translations);
  }
}

function loadMarkdown(repo: Repository, parse: Parser, dir: string, name: string, lang: Language, kind: Document['kind'], into: Document[]): void {
  const rel = `${dir}/${name}`;
  if (!name.endsWith('.md')) {
    if (!name.startsWith('.')) {
      problem(repo, rel, `“${name}” is not a Markdown file; only <statement>.md files belong here.`, 'content-unexpected-file',
        'Rename it to end in .md, or remove it.');
    }
    return;
  }
  const slug = name.slice(0, -3);
  if (!SLUG_PATTERN.test(slug)) {
    problem(repo, rel, `“${slug}” is not a valid statement name: use only lowercase Latin letters, digits and single hyphens.`, 'content-invalid-slug',
      `Rename the file to the English statement's name, for example ${suggestSlug(slug)}.md.`);
    return;
  }
  if (RESERVED_SLUGS.includes(slug)) {
    problem(repo, rel, `“${slug}” cannot be a statement name: the site keeps its own ${slug} in dist/${slug}/ (${LANGUAGES.some((l) => l.tag.toLowerCase() === slug) ? 'a language’s home page' : 'its own files'}).`, 'content-invalid-slug',
      `Rename the file, for example to ${slug}-statement.md (and its translations to match).`);
    return;
  }
  const { file, text } = readText(path.join(repo.root, rel), rel);
  if (text === undefined) {
    repo.problems.push(file);
    return;
  }
  const parsed = parse(text, file);
  into.push({ kind, slug, lang, path: rel, file, text, ...parsed });
}

function loadUi(repo: Repository, lang: Language, rel: string): void {
  const { file, text } = readText(path.join(repo.root, rel), rel);
  if (text === undefined) {
    repo.problems.push(file);
    return;
  }
  const entry: UiStrings = { lang, path: rel, file, text };
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) entry.resources = value;
    else uiError(file, { line: 1, column: 1 }, 'The UI strings file must be one JSON object of named strings.');
  } catch (error) {
    uiError(file, jsonErrorPlace(text, (error as Error).message), `The UI strings file is not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}.`);
  }
  repo.ui.push(entry);
}

function uiError(file: VFile, place: Point, reason: string): void {
  const message = file.message(reason, { place, ruleId: 'content-ui-json', source: 'content' });
  message.fatal = true;
  message.note = 'Compare with translations/en/ui.json: every string in double quotes, a comma between entries, none after the last.';
}

function jsonErrorPlace(text: string, message: string): Point {
  const match = /position (\d+)/.exec(message);
  if (!match) return { line: 1, column: 1 };
  const before = text.slice(0, Number(match[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function problem(repo: Repository, rel: string, reason: string, ruleId: string, fix: string): void {
  const file = new VFile({ path: rel });
  const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: 'content' });
  message.fatal = true;
  message.note = fix;
  repo.problems.push(file);
}

function suggestSlug(name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'statement-name';
}

/** Directory entries in a stable order; a missing directory is empty. */
function listDir(abs: string): string[] {
  try {
    return fs.readdirSync(abs).sort();
  } catch {
    return [];
  }
}

// Lookups live apart from the loader, so that code which only reads a loaded repository (the
// build's workers, the exporters) does not load the Markdown parser.
export { findStatement, findTranslation, findUi } from './find.js';
