/**
 * The engine's glyphs against `hb-shape` (Debian's libharfbuzz-bin, HarfBuzz 6.0 here, while
 * harfbuzzjs bundles HarfBuzz 15): same font file, text, direction, script and language give
 * the same glyph ids, clusters, advances and offsets.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FONTS, type FontId } from '../../src/fonts.js';
import { findLanguage } from '../../src/languages.js';
import { layoutParagraph, type FontStyle } from '../../src/typeset/index.js';
import { harfbuzz } from '../../src/typeset/harfbuzz.js';
import { haveTools } from '../support/tools.js';

interface HbGlyph { g: number; cl: number; dx: number; dy: number; ax: number; ay: number }

function hbShape(font: FontId, text: string, dir: 'ltr' | 'rtl', script: string, language: string): HbGlyph[] {
  const out = execFileSync('hb-shape', [
    '--output-format=json', '--no-glyph-names', `--direction=${dir}`, `--script=${script}`, `--language=${language}`,
    '--bot', '--eot', FONTS[font].file, text,
  ], { encoding: 'utf8' });
  return JSON.parse(out) as HbGlyph[];
}

interface Sample { lang: string; style: FontStyle; font: FontId; words: string[] }

const LATIN_CYRILLIC = ['Aufenthaltsgesetz', 'Straße', 'Grüße', 'weiß', 'office', 'Tyapkin', 'AVATAR', 'Беларусь', 'ўсё', 'Заўвага', 'Лукашенко', 'гуманитарные', '„Visum“', '§ 22 (2)'];
const SAMPLES: Sample[] = [
  { lang: 'de', style: 'regular', font: 'pt-serif-regular', words: LATIN_CYRILLIC },
  { lang: 'be', style: 'regular', font: 'pt-serif-regular', words: ['ўсё', 'Заўвага', 'беларускі'] },
  { lang: 'ru', style: 'bold', font: 'pt-serif-bold', words: LATIN_CYRILLIC },
  { lang: 'en', style: 'italic', font: 'pt-serif-italic', words: LATIN_CYRILLIC },
  { lang: 'en', style: 'boldItalic', font: 'pt-serif-bold-italic', words: LATIN_CYRILLIC },
  // Lam-alef, shadda and tanwin, hamza, teh marbuta, Arabic comma.
  { lang: 'ar', style: 'regular', font: 'noto-naskh-arabic-regular', words: ['يفرّ', 'معًا', 'لا', 'الإقامة', 'ألمانيا', 'فعليًا', 'السلام،', 'مُعلّم', 'تُعالَج'] },
  { lang: 'ar', style: 'bold', font: 'noto-naskh-arabic-bold', words: ['يفرّ', 'معًا', 'لا', 'الإقامة'] },
  // ZWNJ, Persian letters and digits.
  { lang: 'fa', style: 'regular', font: 'vazirmatn-regular', words: ['می‌خواهیم', 'لا', 'پساشوروی', 'چپ', 'اقامت', '۲۲', 'یفرّ', 'معًا', 'گفت‌وگو'] },
  { lang: 'fa-AF', style: 'regular', font: 'vazirmatn-regular', words: ['می‌خواهیم', 'پساشوروی', 'افغانستان', '۲۲'] },
  { lang: 'fa', style: 'bold', font: 'vazirmatn-bold', words: ['می‌خواهیم', 'لا', 'پساشوروی'] },
];

const SCRIPT: Record<string, string> = { Latn: 'latn', Cyrl: 'cyrl', Arab: 'arab' };

describe.skipIf(!haveTools('hb-shape'))('shaping equals hb-shape', () => {
  for (const s of SAMPLES) {
    for (const word of s.words) {
      it(`${s.font} ${s.lang} ${word}`, async () => {
        const lang = findLanguage(s.lang)!;
        const upem = (await import('../../src/typeset/index.js')).fontMetrics(s.font);
        const size = (await upem).upem; // size = upem: output units are font units
        const width = 1e6;
        const layout = await layoutParagraph({ runs: [{ text: word, style: s.style }], lang, size, width, lineHeight: 1, align: 'start' });
        expect(layout.lines).toHaveLength(1);
        const line = layout.lines[0]!;
        const rtl = lang.dir === 'rtl';
        const script = /[\u0600-\u06ff]/.test(word) ? 'arab' : /[\u0400-\u04ff]/.test(word) ? 'cyrl' : SCRIPT[lang.script]!;
        // What the engine passes as language: fa-AF becomes prs (see src/typeset/shape.ts).
        const hbLang = s.lang === 'fa-AF' ? 'prs' : s.lang;
        // Digits are a left-to-right run (bidi level 2) even inside right-to-left text.
        const runDir = rtl && !/^[\d۰-۹٠-٩]+$/.test(word) ? 'rtl' : 'ltr';
        const expected = hbShape(s.font, word, runDir, script, hbLang);
        let pen = rtl ? width - line.width : 0;
        const got = line.glyphs.map((g) => {
          const r = { g: g.glyphId, cl: g.cluster, dx: Math.round(g.x - pen), dy: g.y, ax: g.advance, ay: 0 };
          pen += g.advance;
          return r;
        });
        expect(line.glyphs.every((g) => g.font === s.font)).toBe(true);
        expect(got).toEqual(expected);
      });
    }
  }

  it('Dari: HarfBuzz tags fa-AF as FAR and prs as DRI then FAR; no font here has DRI, so Dari shapes as Farsi', () => {
    const text = 'می‌خواهیم ۰۱۲۳۴۵۶۷۸۹ ی ک گفت لا';
    for (const font of ['vazirmatn-regular', 'vazirmatn-bold', 'noto-naskh-arabic-regular'] as FontId[]) {
      const fa = hbShape(font, text, 'rtl', 'arab', 'fa');
      for (const other of ['fa-AF', 'prs', 'x-hbotDRI']) expect(hbShape(font, text, 'rtl', 'arab', other)).toEqual(fa);
      // The check is able to see a language difference: Urdu digits differ in both fonts.
      expect(hbShape(font, text, 'rtl', 'arab', 'ur')).not.toEqual(fa);
    }
  });

  it('reshapes across a break HarfBuzz marks unsafe: a hyphen inside the fi ligature of "definite"', async () => {
    // en-gb patterns give def-in-ite; PT Serif sets "fi" as one glyph, so the break def|inite
    // cuts a cluster: both lines must be shaped anew, "def-" and "inite".
    const font: FontId = 'pt-serif-regular';
    const upem = 1000;
    const width = (gs: HbGlyph[]) => gs.reduce((a, g) => a + g.ax, 0);
    const first = hbShape(font, 'def-', 'ltr', 'latn', 'en');
    const whole = hbShape(font, 'definite', 'ltr', 'latn', 'en');
    expect(whole.length).toBeLessThan(8); // the ligature is there to be cut
    const rest = hbShape(font, 'inite', 'ltr', 'latn', 'en');
    // Fits "def-" and "inite" (measured as shaped anew, wider than the cut ligature suggests),
    // but not "defin-".
    const measure = Math.max(width(first), width(rest)) + 1;
    expect(measure).toBeLessThan(width(hbShape(font, 'defin-', 'ltr', 'latn', 'en')));
    const layout = await layoutParagraph({
      runs: [{ text: 'definite', style: 'regular' }], lang: findLanguage('en')!, size: upem, width: measure, lineHeight: 1, align: 'start', hyphenate: true,
    });
    expect(layout.lines.map((l) => l.text)).toEqual(['def', 'inite']);
    expect(layout.lines[0]!.hyphenated).toBe(true);
    const simplify = (gs: HbGlyph[]) => gs.map((g) => [g.g, g.ax]);
    expect(layout.lines[0]!.glyphs.map((g) => [g.glyphId, g.advance])).toEqual(simplify(first));
    expect(layout.lines[1]!.glyphs.map((g) => [g.glyphId, g.advance])).toEqual(simplify(rest));
    expect(layout.lines[1]!.glyphs.map((g) => g.text).join('')).toBe('inite');
  });
});

describe('the glyph flags shaping reads', () => {
  it('are HarfBuzz’s own values (shape.ts names them before HarfBuzz has loaded)', async () => {
    const { FLAG_UNSAFE_TO_BREAK, FLAG_SAFE_TO_INSERT_TATWEEL } = await import('../../src/typeset/shape.js');
    const hb = await harfbuzz();
    expect([FLAG_UNSAFE_TO_BREAK, FLAG_SAFE_TO_INSERT_TATWEEL]).toEqual([hb.GlyphFlag.UNSAFE_TO_BREAK, hb.GlyphFlag.SAFE_TO_INSERT_TATWEEL]);
  });
});
