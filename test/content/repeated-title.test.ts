/**
 * A text that opens with its own title as a heading (`# Title` under the front matter): the
 * loader leaves the heading out, so the page and the PDFs show the title once, exactly as
 * they do for the same text without the heading. (The checker's warning about it is a row
 * of test/check/rules.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { publications, type Artefact, type Publication } from '../../src/publication.js';
import { renderPage } from '../../src/render/html.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { copyContent } from '../support/repo.js';
import { tempDir } from '../support/temp.js';

const SLUG = 'humanitarian-visas';

/** The real content, with `heading(title)` put right under the front matter of each of `files`. */
function withHeading(files: string[], heading: (title: string) => string): string {
  const dir = copyContent('psl-title-');
  for (const rel of files) {
    const file = path.join(dir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const title = /^title: "(.*)"$/m.exec(text)![1];
    const end = text.indexOf('\n---\n') + '\n---\n'.length;
    fs.writeFileSync(file, `${text.slice(0, end)}\n${heading(title)}\n${text.slice(end)}`);
  }
  return dir;
}

function publication(dir: string, lang: string): Publication {
  return publications(loadRepository(dir)).find((p) => p.slug === SLUG && p.lang.tag === lang)!;
}

/** Text as a reader sees it: no tags, soft hyphens or no-break spaces, one space between words. */
function readable(text: string): string {
  return text.replace(/<[^>]+>/g, ' ').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
}

const count = (text: string, title: string) => readable(text).split(readable(title)).length - 1;

/** The statement as the page shows it: its <article> (the Share section below quotes the title in its posts). */
async function pageMain(pub: Publication): Promise<string> {
  const page = (await renderPage(pub)).find((a) => a.path.endsWith('index.html'))!;
  return /<article[\s\S]*<\/article>/.exec(new TextDecoder().decode(page.bytes))![0];
}

function pdfText(a: Artefact): string {
  const file = path.join(tempDir('psl-title-pdf-'), 'statement.pdf');
  fs.writeFileSync(file, a.bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('a text that opens with its own title', () => {
  const clean = copyContent('psl-title-clean-');

  it('is loaded without that heading, and the place of the heading is kept for the warning', () => {
    const dir = withHeading(['translations/de/humanitarian-visas.md'], (title) => `# ${title}`);
    const doc = publication(dir, 'de').doc;
    // Front matter on lines 1–8, an empty line, then the heading.
    expect(doc.repeatedTitle).toEqual({ line: 10, column: 1 });
    expect(doc.tree.children.filter((n) => n.type === 'heading')).toEqual([]);
    expect(doc.tree.children.length).toBe(publication(clean, 'de').doc.tree.children.length);
  });

  it('keeps a first heading that says something else', () => {
    const dir = withHeading(['translations/de/humanitarian-visas.md'], (title) => `# ${title} (Entwurf)`);
    const doc = publication(dir, 'de').doc;
    expect(doc.repeatedTitle).toBeUndefined();
    expect(doc.tree.children[1].type).toBe('heading');
  });

  it('shows the title once on the page, in a translation and in the English text (spacing aside)', async () => {
    const dir = withHeading(['translations/de/humanitarian-visas.md', 'statements/humanitarian-visas.md'], (title) => `#   ${title.replace(/ /g, '  ')}   `);
    for (const lang of ['de', 'en']) {
      const pub = publication(dir, lang);
      const main = await pageMain(pub);
      expect(count(main, String(pub.doc.data.title)), lang).toBe(1);
      expect(main, lang).toBe(await pageMain(publication(clean, lang)));
    }
  });

  it('prints the title once in the A4 and A5 PDFs', async () => {
    const dir = withHeading(['translations/de/humanitarian-visas.md'], (title) => `# ${title}`);
    const pub = publication(dir, 'de');
    const pdfs = (await renderPdfs(pub)).filter((a) => a.path.endsWith('.pdf'));
    const cleanPdfs = (await renderPdfs(publication(clean, 'de'))).filter((a) => a.path.endsWith('.pdf'));
    expect(pdfs.map((a) => a.path)).toEqual(cleanPdfs.map((a) => a.path));
    pdfs.forEach((pdf, i) => {
      const text = pdfText(pdf);
      expect(count(text, String(pub.doc.data.title)), pdf.path).toBe(1);
      expect(readable(text), pdf.path).toBe(readable(pdfText(cleanPdfs[i])));
    });
  });
});
