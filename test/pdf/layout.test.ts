/**
 * Document layout on Markdown the first statement does not have: headings, ordered and
 * unordered lists, quotes, emphasis and links; in a left-to-right and a right-to-left
 * language. Checks the frames (markers, indents, mirroring, link areas, artifacts) and the
 * structure the PDF is tagged with.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/content/parse.js';
import { loadRepository, type Document } from '../../src/content/index.js';
import { findLanguage, formatNumber } from '../../src/languages.js';
import { translator, type Publication } from '../../src/publication.js';
import { layoutPublication } from '../../src/layout/index.js';
import { SITE } from '../../src/config.js';
import type { GlyphLine, LaidOutDocument, StructNode } from '../../src/layout/frame.js';
import { pageStyle } from '../../src/layout/style.js';
import { pdfjsText } from './text.js';
import { writePdf } from '../../src/export/pdf/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repo = loadRepository(root);

function publication(tag: string, body: string): Publication {
  const lang = findLanguage(tag)!;
  const text = `---\ntitle: "Title ${tag}"\nsummary: "Summary"\ndate: 2026-11-24\n---\n\n${body}\n`;
  const file = new VFile({ path: `x/${tag}.md`, value: text });
  const parsed = parseMarkdown(text, file);
  const doc: Document = { kind: 'translation', slug: 'layout-test', lang, path: file.path, file, text, ...parsed };
  return { slug: 'layout-test', lang, doc, source: doc, t: translator(repo, lang), published: [lang], date: '2026-11-24' };
}

const MARKDOWN = (word: string) => `## ${word} heading

${word} with *emphasis*, **strength** and a [link](https://example.org/${word}).

1. first ${word}
2. second ${word}
3. third ${word}

- bullet ${word}

> quoted ${word} text`;

function roles(node: StructNode, out: string[] = []): string[] {
  out.push(node.role);
  for (const child of node.children) roles(child, out);
  return out;
}

function lines(doc: LaidOutDocument): GlyphLine[] {
  return doc.frames.flatMap((f) => f.items.filter((i): i is GlyphLine => i.kind === 'glyphs'));
}

function lineText(line: GlyphLine): string {
  return [...line.glyphs].sort((a, b) => a.cluster - b.cluster).map((g) => g.text).join('');
}

describe('document layout', () => {
  it('tags headings, lists with labels, quotes and links, and keeps furniture out of the structure', async () => {
    const doc = await layoutPublication(publication('de', MARKDOWN('Wort')), 'a4');
    const all = roles(doc.structure);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Link', 'Figure']) expect(all).toContain(role);
    expect(all.filter((r) => r === 'LI')).toHaveLength(4);
    const links = doc.frames.flatMap((f) => f.items.filter((i) => i.kind === 'link'));
    expect(links.map((l) => l.kind === 'link' && l.href)).toContain('https://example.org/Wort');
    // Running header and folio are artifacts.
    const furniture = lines(doc).filter((l) => l.tags.every((t) => 'artifact' in t.tag));
    expect(furniture.length).toBe(2 * doc.frames.length);
  }, 60_000);

  it('sets list numbers in the language’s digits, in the gutter on the start side', async () => {
    for (const tag of ['de', 'fa']) {
      const doc = await layoutPublication(publication(tag, MARKDOWN(tag === 'fa' ? 'واژه' : 'Wort')), 'a4');
      const style = pageStyle('a4', findLanguage(tag)!);
      const marker = lines(doc).find((l) => lineText(l) === `${formatNumber(findLanguage(tag)!, 2)}.`)!;
      expect(marker, tag).toBeDefined();
      const left = marker.x + marker.glyphs[0].x;
      const right = marker.x + marker.glyphs[marker.glyphs.length - 1].x + marker.glyphs[marker.glyphs.length - 1].advance;
      if (tag === 'fa') {
        // Mirrored: the number sits inside the right margin of the indented text.
        expect(right).toBeGreaterThan(style.width - style.margin.outer - style.indent - 1);
        expect(right).toBeLessThanOrEqual(style.width - style.margin.outer + 0.5);
      } else {
        expect(left).toBeGreaterThanOrEqual(style.margin.inner - 0.5);
        expect(right).toBeLessThanOrEqual(style.margin.inner + style.indent);
      }
    }
  }, 60_000);

  it('mirrors RTL pages: text, header and quote rule hug the right margin', async () => {
    const doc = await layoutPublication(publication('fa', MARKDOWN('واژه')), 'a4');
    const style = pageStyle('a4', findLanguage('fa')!);
    const rightEdge = style.width - style.margin.outer;
    const header = lines(doc)[lines(doc).length - 2];
    const end = (l: GlyphLine) => l.x + Math.max(...l.glyphs.map((g) => g.x + g.advance));
    expect(Math.abs(end(header) - rightEdge)).toBeLessThan(1);
    const rule = doc.frames[0].items.find((i) => i.kind === 'box' && i.width === 1.5);
    expect(rule && rule.kind === 'box' && rule.x).toBeGreaterThan(style.width / 2);
  }, 60_000);

  it('turns links into clickable annotations with the link text extractable', async () => {
    const doc = await layoutPublication(publication('de', MARKDOWN('Wort')), 'a5');
    const bytes = await writePdf(doc);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const annotations = (await Promise.all(Array.from({ length: pdf.numPages }, async (_, i) => (await pdf.getPage(i + 1)).getAnnotations()))).flat();
    await pdf.destroy();
    const urls = annotations.map((a: { url?: string }) => a.url);
    expect(urls).toContain('https://example.org/Wort');
    expect(urls).toContain('https://postsovietleft.org/statements/layout-test/de/');
    expect(await pdfjsText(bytes)).toContain('quoted Wort text');
  }, 60_000);
});

describe('untrusted links', () => {
  it('keep their words but lose their link unless they are http, https or mailto', async () => {
    const body = 'Read [this](javascript:alert(1)), [that](data:text/html,x), [here](../../etc/passwd), [ok](https://example.org/ok) and [mail](mailto:a@example.org).';
    const doc = await layoutPublication(publication('en', body), 'a4');
    const hrefs = doc.frames.flatMap((f) => f.items.filter((i) => i.kind === 'link').map((i) => (i as { href: string }).href));
    // The page's own address (QR, closing) and the call to join are the organisation's links, not the text's.
    expect(hrefs.filter((h) => !h.startsWith(SITE.baseUrl) && h !== SITE.join.url)).toEqual([
      'https://example.org/ok', 'mailto:a@example.org',
    ]);
    const text = lines(doc).map(lineText).join(' ');
    for (const word of ['this', 'that', 'here', 'ok', 'mail']) expect(text).toContain(word);
  });
});
