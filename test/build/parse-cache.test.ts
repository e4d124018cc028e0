/**
 * The parse cache gives what the parser gives: the same trees, front matter, places and
 * messages, whether an entry is new, read back, or unreadable.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseMarkdown } from '../../src/content/parse.js';
import { ParseCache } from '../../src/build/parse-cache.js';
import { GRACE_MS } from '../../src/build/store.js';
import { tempDir } from '../support/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const cacheDir = () => tempDir('psl-parse-cache-');

/** Every Markdown file the project has: the statements, their translations, the checker's fixtures. */
function markdownFiles(): string[] {
  const under = (dir: string) =>
    fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f));
  return [...under('statements'), ...under('translations'), ...under('test/check/fixtures')];
}

const BROKEN = [
  '---\ntitle: "unclosed\nsummary: x\n---\n\nBody.\n',
  'No front matter at all.\n',
  '---\n- a list\n- not fields\n---\n\nBody.\n',
  '---\ntitle: A\ntitle: B\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.org ~~old~~.\n',
];

function messages(file: VFile) {
  return file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note }));
}

/** parseMarkdown's result and messages, and the cache's. */
function both(cache: ParseCache, text: string) {
  const plain = new VFile({ path: 'x.md', value: text });
  const cached = new VFile({ path: 'x.md', value: text });
  return { expected: parseMarkdown(text, plain), actual: cache.parse(text, cached), expectedMessages: messages(plain), actualMessages: messages(cached) };
}

describe('ParseCache', () => {
  const texts = [...markdownFiles().map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')), ...BROKEN];

  it('gives the parser’s trees and messages when it parses, and again when it reads them back', () => {
    expect(texts.length).toBeGreaterThan(30);
    const dir = cacheDir();
    for (const round of ['parsed', 'read back']) {
      const cache = new ParseCache(dir, 'v1');
      for (const text of texts) {
        const { expected, actual, expectedMessages, actualMessages } = both(cache, text);
        expect(JSON.parse(JSON.stringify(actual)), round).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(actual.tree.children.length).toBe(expected.tree.children.length);
        expect(actualMessages, round).toEqual(expectedMessages);
      }
    }
    expect(new Set(fs.readdirSync(dir)).size).toBe(new Set(texts).size);
  });

  it('replays the messages of broken front matter from an entry', () => {
    const dir = cacheDir();
    new ParseCache(dir, 'v1').parse(BROKEN[0], new VFile());
    const file = new VFile();
    new ParseCache(dir, 'v1').parse(BROKEN[0], file);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'content-front-matter-yaml', fatal: true, line: 3 });
    expect(file.messages[0].note).toMatch(/double quotes/);
  });

  it('reads an entry only for the same text and the same parser code', () => {
    const dir = cacheDir();
    new ParseCache(dir, 'v1').parse('---\ntitle: A\n---\n\nOne.\n', new VFile());
    const other = new ParseCache(dir, 'v2').parse('---\ntitle: A\n---\n\nOne.\n', new VFile());
    expect(other.data).toEqual({ title: 'A' });
    expect(fs.readdirSync(dir)).toHaveLength(2);
    const changed = new ParseCache(dir, 'v1').parse('---\ntitle: B\n---\n\nOne.\n', new VFile());
    expect(changed.data).toEqual({ title: 'B' });
  });

  it('parses again when an entry is cut short or not an entry, and mends it', () => {
    const dir = cacheDir();
    const text = '---\ntitle: A\n---\n\nOne **two**.\n';
    new ParseCache(dir, 'v1').parse(text, new VFile());
    const [name] = fs.readdirSync(dir);
    for (const junk of ['{"parsed": {"tree"', '{}', 'null', '[]', '{"parsed": {"tree": {}}, "messages": 3}']) {
      fs.writeFileSync(path.join(dir, name!), junk);
      const parsed = new ParseCache(dir, 'v1').parse(text, new VFile());
      expect(parsed.tree.children.map((c) => c.type), junk).toEqual(['yaml', 'paragraph']);
      expect(JSON.parse(fs.readFileSync(path.join(dir, name!), 'utf8')).parsed.data).toEqual({ title: 'A' });
    }
  });

  it('prunes the entries it did not use once they are older than a build', () => {
    const dir = cacheDir();
    const first = new ParseCache(dir, 'v1');
    for (const t of ['a\n', 'b\n', 'c\n']) first.parse(t, new VFile());
    const old = (Date.now() - GRACE_MS - 60_000) / 1000;
    for (const name of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, name), old, old);
    const second = new ParseCache(dir, 'v1');
    second.parse('a\n', new VFile());
    second.parse('d\n', new VFile());
    second.prune();
    expect(fs.readdirSync(dir)).toHaveLength(2);
    // A recent entry another build may be using stays.
    new ParseCache(dir, 'v1').parse('e\n', new VFile());
    second.prune();
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });

  it('parses without keeping anything when the cache cannot be written', () => {
    const file = path.join(cacheDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const parsed = new ParseCache(file, 'v1').parse('---\ntitle: A\n---\n\nOne.\n', new VFile());
    expect(parsed.data).toEqual({ title: 'A' });
  });
});
