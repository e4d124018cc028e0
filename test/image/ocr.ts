/**
 * OCR of share images with tesseract, and word recall: how many of the expected words
 * tesseract read back. Used by ocr.test.ts and by the Chromium baseline script.
 *
 * Tesseract is weak on large Arabic-script display type; what works best here is a light-on-
 * dark image scaled to about 0.6 with a margin, read with `--psm 11` (sparse text). Even so,
 * a difference of one grey level in a few pixels can flip whole lines between read and lost,
 * so Arabic-script images are read at three scales (0.5, 0.6, 0.7, one tesseract run over the
 * three pages) and a word counts as read if any of the readings has it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Language } from '../../src/languages.js';

/** The tesseract language pack of each language (Dari reads with the Persian pack). */
export const OCR_PACK: Record<string, string> = { en: 'eng', ru: 'rus', be: 'bel', de: 'deu', ar: 'ara', fa: 'fas', 'fa-AF': 'fas' };

/** The image sizes the OCR tests read (tesseract is slow: two per language). */
export const OCR_IMAGES = ['share-1200x630.png', 'share-1080x1080.png'];

const ARABIC_SCALES = [0.5, 0.6, 0.7];

/** The OCR readings of an image: one for Latin and Cyrillic, one per scale for Arabic script. */
export async function ocr(png: Uint8Array, lang: Language): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-ocr-'));
  const args = ['-l', OCR_PACK[lang.tag]!];
  let input = path.join(dir, 'card.png');
  if (lang.script === 'Arab') {
    const width = (await sharp(png).metadata()).width!;
    const pages: string[] = [];
    for (const scale of ARABIC_SCALES) {
      const page = path.join(dir, `card-${scale}.png`);
      await sharp(png)
        .resize(Math.round(width * scale))
        .negate({ alpha: false })
        .extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#000000' })
        .toFile(page);
      pages.push(page);
    }
    // A list of images is one tesseract run (the model loads once); pages come back split by form feeds.
    input = path.join(dir, 'pages.txt');
    fs.writeFileSync(input, pages.join('\n') + '\n');
    args.push('--psm', '11');
  } else {
    fs.writeFileSync(input, png);
  }
  try {
    const text = execFileSync('tesseract', [input, '-', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return text.split('\f').filter((t) => t.trim() !== '');
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * Words for comparison. Arabic script: marks (hamza, madda, harakat), tatweel and joiners
 * dropped, Arabic and Persian forms of yeh and kaf merged, as a reader would accept them.
 * Latin and Cyrillic keep every letter, so ў must be read as ў.
 */
export function words(text: string, lang: Language): string[] {
  let t = text.normalize('NFC').toLowerCase();
  if (lang.script === 'Arab') {
    t = t.normalize('NFKD').replace(/[\p{M}\u0640\u200c\u200d]/gu, '');
    t = t.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
    t = t.replace(/[۰-۹٠-٩]/g, (d) => String(Math.max(PERSIAN_DIGITS.indexOf(d), ARABIC_DIGITS.indexOf(d))));
  }
  return t.replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/u).filter(Boolean);
}

export interface Recall {
  total: number;
  found: number;
  missing: string[];
}

/** How many of the expected words (with repeats) occur in the best reading of each word. */
export function recall(expected: string[], readings: string[][]): Recall {
  const pool = new Map<string, number>();
  for (const read of readings) {
    const counts = new Map<string, number>();
    for (const w of read) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, n] of counts) pool.set(w, Math.max(n, pool.get(w) ?? 0));
  }
  const missing: string[] = [];
  for (const w of expected) {
    const n = pool.get(w) ?? 0;
    if (n > 0) pool.set(w, n - 1);
    else missing.push(w);
  }
  return { total: expected.length, found: expected.length - missing.length, missing };
}
