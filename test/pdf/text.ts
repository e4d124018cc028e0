/**
 * What the tests compare PDFs against: the publication's own text (independent of layout
 * code), text extracted by poppler and pdf.js, OCR, and the measures word recall and
 * character error rate.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { joinFor, SITE } from '../../src/config.js';
import { formatDate } from '../../src/languages.js';
import { absoluteUrl, artefactPaths, type Publication } from '../../src/publication.js';
import { tempDir as makeTempDir } from '../support/temp.js';


/** The text a reader of the printed statement sees: title, date, body, signature, the call to join, closing, V.i.S.d.P. (no event or co-signers: the real statements have none). */
export function referenceText(pub: Publication): string {
  const url = absoluteUrl(SITE.baseUrl, artefactPaths(pub.slug, pub.lang.tag).page);
  const body = (pub.doc.tree as Root).children.filter((n) => n.type !== 'yaml').map((n) => plain(n)).join('\n');
  const join = joinFor(SITE, pub.lang.tag);
  const responsible = pub.t('print.responsible', { visdp: 'V.i.S.d.P.', name: [SITE.imprint.responsible, ...SITE.imprint.address].join(', ') });
  return [
    String(pub.doc.data.title ?? ''), formatDate(pub.lang, pub.date), body, pub.t('site.signature'),
    join.text ?? pub.t('civic.joinText'), join.url.replace(/^mailto:|^https?:\/\/|\/$/g, ''),
    pub.t('print.readOnline'), url, responsible,
  ].join('\n');
}

/** Plain text of a node, with hard line breaks as line breaks. */
export function plain(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return toString(node);
}

const DIGITS = ['0٠۰', '1١۱', '2٢۲', '3٣۳', '4٤۴', '5٥۵', '6٦۶', '7٧۷', '8٨۸', '9٩۹'];

/** Normalize for comparison: NFC, Western digits, ZWNJ as a word gap, no bidi controls, one space. */
export function normalize(text: string): string {
  let out = text.normalize('NFC');
  for (const [i, forms] of DIGITS.entries()) for (const d of forms.slice(1)) out = out.split(d).join(String(i));
  return out
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u200C/g, ' ')
    .replace(/[\u061C\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words: runs of letters, marks and digits. */
export function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Share of the reference's words (as a multiset) found in the candidate. */
export function wordRecall(reference: string, candidate: string): number {
  const pool = new Map<string, number>();
  for (const w of words(candidate)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const ref = words(reference);
  let found = 0;
  for (const w of ref) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      found++;
      pool.set(w, n - 1);
    }
  }
  return ref.length ? found / ref.length : 1;
}

/** Source words missing from the candidate (for failure messages). */
export function missingWords(reference: string, candidate: string): string[] {
  const pool = new Map<string, number>();
  for (const w of words(candidate)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of words(reference)) {
    const n = pool.get(w) ?? 0;
    if (n > 0) pool.set(w, n - 1);
    else missing.push(w);
  }
  return missing;
}

/** Character error rate: edit distance between normalized texts over the reference's length. */
export function characterErrorRate(reference: string, candidate: string): number {
  const a = [...normalize(reference)];
  const b = [...normalize(candidate)];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return a.length ? previous[b.length] / a.length : 0;
}

/** Short hash of a text's normalized form: tells whether recorded figures still apply to it. */
export function textHash(text: string): string {
  return createHash('sha256').update(normalize(text)).digest('hex').slice(0, 16);
}

export function tempDir(): string {
  return makeTempDir('psl-pdf-');
}

/**
 * The text area of each page as poppler reads it (running header and folio cropped off,
 * `box` in points from the top-left corner).
 */
export function popplerText(file: string, box?: { x: number; y: number; width: number; height: number }): string {
  const crop = box ? ['-x', String(Math.floor(box.x)), '-y', String(Math.floor(box.y)), '-W', String(Math.ceil(box.width)), '-H', String(Math.ceil(box.height)), '-r', '72'] : [];
  return execFileSync('pdftotext', [...crop, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * pdf.js (as in Firefox): items in stream order, a line break where pdf.js marks an end of
 * line, items outside `box` dropped. A hyphen at a line end followed by a letter is joined,
 * as pdf.js's own search does.
 */
export async function pdfjsText(bytes: Uint8Array, box?: { x: number; y: number; width: number; height: number }): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  let out = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3];
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = height - item.transform[5];
      if (box && (y < box.y || y > box.y + box.height)) continue;
      out += item.str;
      if (item.hasEOL) out += '\n';
    }
    out += '\n';
  }
  await doc.destroy();
  return out.replace(/(\p{L})-\n(?=\p{L})/gu, '$1');
}

/** Tesseract language packs per language; Dari reads with the Persian model. */
export const OCR_LANGUAGES: Record<string, string> = {
  en: 'eng', ru: 'rus', be: 'bel', de: 'deu', ar: 'ara', fa: 'fas', 'fa-AF': 'fas',
};

/** OCR of every page rendered by pdftoppm at 200 dpi. */
export function ocrText(file: string, lang: string): string {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', file, path.join(dir, 'page')]);
  let out = '';
  for (const png of fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
    out += execFileSync('tesseract', [path.join(dir, png), '-', '-l', OCR_LANGUAGES[lang], '--psm', '4'], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out.replace(/(\p{L})-\n(?=\p{L})/gu, '$1');
}
