import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { loadRepository } from '../../src/content/index.js';
import { LANGUAGES, type Language } from '../../src/languages.js';
import { publications } from '../../src/publication.js';
import { ROOT, copyContent, makeRepo } from '../support/repo.js';

const messages = (repo: ReturnType<typeof loadRepository>) =>
  [...repo.problems, ...repo.statements.map((d) => d.file), ...repo.translations.map((d) => d.file), ...repo.ui.map((u) => u.file)]
    .flatMap((f) => f.messages.map((m) => ({ file: f.path, line: m.line, column: m.column, rule: m.ruleId, reason: m.reason })));

describe('the real content', () => {
  const repo = loadRepository(ROOT);

  it('loads without a single problem', () => {
    expect(messages(repo)).toEqual([]);
  });

  it('has every statement in every language, and UI strings for each', () => {
    expect(repo.statements.map((s) => s.slug)).toEqual(['humanitarian-visas']);
    for (const lang of LANGUAGES) {
      expect(repo.ui.map((u) => u.lang.tag), lang.tag).toContain(lang.tag);
      if (lang.source) continue;
      const doc = repo.translations.find((d) => d.slug === 'humanitarian-visas' && d.lang.tag === lang.tag);
      expect(doc, `translations/${lang.tag}/humanitarian-visas.md`).toBeDefined();
    }
  });

  it('walks every file: front matter fields, paragraphs and the hard break', () => {
    const source = repo.statements[0];
    const paragraphs = (children: typeof source.tree.children) => children.filter((n) => n.type === 'paragraph') as Paragraph[];
    for (const doc of [source, ...repo.translations]) {
      for (const field of ['title', 'summary', 'date']) expect(doc.data[field], `${doc.path} ${field}`).toBeTruthy();
      expect(String(doc.data.summary).length, doc.path).toBeLessThanOrEqual(200);
      expect(doc.data.date, doc.path).toBe('2026-11-24');
      expect(doc.text.includes(String(doc.data.quote)), `${doc.path}: quote occurs in the body`).toBe(true);
      expect(paragraphs(doc.tree.children).length, doc.path).toBe(paragraphs(source.tree.children).length);
      const breaks = paragraphs(doc.tree.children).flatMap((p) => p.children.filter((c) => c.type === 'break'));
      expect(breaks.length, `${doc.path}: the hard line break`).toBe(1);
      if (doc.kind === 'translation') expect(['draft', 'reviewed']).toContain(doc.data.status);
    }
  });

  it('keeps positions for diagnostics', () => {
    const source = repo.statements[0];
    expect(source.fieldPlaces.title).toEqual({ line: 2, column: 8 });
    expect(source.tree.children[1].position?.start.line).toBe(8);
  });

  it('turns the source into the statement exactly as the organisation wrote it', () => {
    const seed = path.join(ROOT, '../shared/seed/psl-statement-humanitarian-visas.txt');
    if (!fs.existsSync(seed)) return;
    const words = (s: string) => s.replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean);
    const [title, ...body] = fs.readFileSync(seed, 'utf8').split('\n');
    const source = repo.statements[0];
    expect(source.data.title).toBe(title.trim());
    expect(words(source.text.split('---\n')[2])).toEqual(words(body.join('\n')));
  });
});

describe('bad input is a message with a position, never an exception', () => {
  const statement = '---\ntitle: "T"\nsummary: "S"\ndate: 2026-11-24\n---\n\nBody.\n';
  const load = (files: Record<string, string | Uint8Array>) => loadRepository(makeRepo(files));

  it('accepts CRLF and a BOM, and remembers them', () => {
    const repo = load({ 'statements/a.md': '\uFEFF' + statement.replace(/\n/g, '\r\n') });
    expect(messages(repo)).toEqual([]);
    expect(repo.statements[0].data.title).toBe('T');
    expect(repo.statements[0].file.data).toMatchObject({ hadBom: true, hadCrlf: true });
  });

  it('rejects invalid UTF-8 at the right line and column', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: "T"\n---\n\nAb'), Buffer.from([0xff]), Buffer.from('c\n')]);
    const [m] = messages(load({ 'statements/a.md': bytes }));
    expect(m).toMatchObject({ file: 'statements/a.md', line: 5, column: 3, rule: 'content-invalid-utf8' });
    expect(m.reason).toMatch(/not valid UTF-8/);
  });

  it('rejects a truncated multi-byte character and an overlong encoding', () => {
    expect(messages(load({ 'statements/a.md': Buffer.from([0x61, 0xd0]) }))[0].rule).toBe('content-invalid-utf8');
    expect(messages(load({ 'statements/a.md': Buffer.from([0xc0, 0xaf]) }))[0].rule).toBe('content-invalid-utf8');
  });

  it('refuses a 10 MB file without reading it', () => {
    const [m] = messages(load({ 'statements/a.md': Buffer.alloc(10_000_000, 0x61) }));
    expect(m).toMatchObject({ rule: 'content-too-large', line: 1 });
    expect(m.reason).toMatch(/10\.0 MB/);
  });

  it('reports broken YAML at its line', () => {
    const [m] = messages(load({ 'statements/a.md': '---\ntitle: "T"\nsummary: [unclosed\n---\n\nBody.\n' }));
    expect(m.rule).toBe('content-front-matter-yaml');
    expect(m.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing front matter block', () => {
    expect(messages(load({ 'statements/a.md': 'Just text.\n' }))[0]).toMatchObject({ rule: 'content-front-matter-missing', line: 1, column: 1 });
  });

  it('refuses file names that are not slugs, and unknown language folders', () => {
    const repo = load({ 'statements/Bad_Name.md': statement, 'translations/xx/a.md': statement, 'translations/en/ui.json': '{}' });
    expect(messages(repo).map((m) => [m.file, m.rule])).toEqual([
      ['statements/Bad_Name.md', 'content-invalid-slug'],
      ['translations/xx', 'content-unknown-language'],
    ]);
    expect(repo.statements).toEqual([]);
  });

  it('refuses statement names the site uses for its own folders', () => {
    const repo = load({ 'statements/fonts.md': statement, 'statements/release.md': statement, 'translations/de/feeds.md': statement, 'statements/fonts-2.md': statement });
    expect(messages(repo).map((m) => [m.file, m.rule])).toEqual([
      ['statements/fonts.md', 'content-invalid-slug'],
      ['statements/release.md', 'content-invalid-slug'],
      ['translations/de/feeds.md', 'content-invalid-slug'],
    ]);
    expect(messages(repo)[0]!.reason).toMatch(/dist\/fonts\//);
    expect(repo.statements.map((s) => s.slug)).toEqual(['fonts-2']);
  });

  it('reports broken UI strings JSON at its line', () => {
    const [m] = messages(load({ 'translations/en/ui.json': '{\n  "a": "b",\n}\n' }));
    expect(m).toMatchObject({ rule: 'content-ui-json', line: 3 });
  });
});

describe('adding a language', () => {
  it('takes one registry entry and one folder', () => {
    const root = copyContent();
    const ukrainian: Language = {
      ...LANGUAGES.find((l) => l.tag === 'ru')!,
      tag: 'uk', englishName: 'Ukrainian', nativeName: 'Українська', ogLocale: 'uk_UA', hyphenation: undefined,
    };
    const languages = [...LANGUAGES, ukrainian];
    fs.mkdirSync(path.join(root, 'translations/uk'));
    fs.copyFileSync(path.join(root, 'translations/ru/humanitarian-visas.md'), path.join(root, 'translations/uk/humanitarian-visas.md'));
    const ui = JSON.parse(fs.readFileSync(path.join(root, 'translations/ru/ui.json'), 'utf8'));
    ui.print.page = 'Сторінка {{page}} з {{pages}}';
    fs.writeFileSync(path.join(root, 'translations/uk/ui.json'), JSON.stringify(ui));

    const repo = loadRepository(root, { languages });
    expect(messages(repo)).toEqual([]);
    const uk = publications(repo).find((p) => p.lang.tag === 'uk');
    expect(uk?.doc.path).toBe('translations/uk/humanitarian-visas.md');
    expect(uk?.t('print.page', { page: 2, pages: 3 })).toBe('Сторінка 2 з 3');
    expect(uk?.published.map((l) => l.tag)).toContain('uk');
    // Without the registry entry the folder is refused, not silently published.
    expect(messages(loadRepository(root)).map((m) => m.rule)).toEqual(['content-unknown-language']);
  });
});

describe('parsing', () => {
  it('gives the same tree with or without the GFM shortcut, and still parses GFM when it is there', async () => {
    const { parseMarkdown } = await import('../../src/content/parse.js');
    const { VFile } = await import('vfile');
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkFrontmatter = (await import('remark-frontmatter')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
    const repo = loadRepository(ROOT);
    const samples = [
      ...repo.translations.map((d) => d.text),
      '---\ntitle: T\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and www.example.org and a@example.org[^1]\n\n[^1]: note\n\n- [x] done\n',
    ];
    for (const text of samples) {
      expect(parseMarkdown(text, new VFile()).tree).toEqual(full.runSync(full.parse(text)));
    }
    const gfm = parseMarkdown(samples.at(-1)!, new VFile()).tree;
    expect(gfm.children.map((n) => n.type)).toContain('table');
  });
});
