import { describe, expect, it } from 'vitest';
import { LANGUAGES, findLanguage, formatDate, formatNumber, targetLanguages } from '../../src/languages.js';
import { FONTS } from '../../src/fonts.js';
import fs from 'node:fs';

describe('language registry', () => {
  it('lists the source and the six target languages', () => {
    expect(LANGUAGES.map((l) => l.tag)).toEqual(['en', 'ru', 'be', 'de', 'fa-AF', 'ar', 'fa']);
    expect(targetLanguages().map((l) => l.tag)).not.toContain('en');
  });

  it('gives native names, directions and Open Graph locales', () => {
    const row = (tag: string) => {
      const l = findLanguage(tag)!;
      return [l.nativeName, l.dir, l.ogLocale];
    };
    expect(row('ru')).toEqual(['Русский', 'ltr', 'ru_RU']);
    expect(row('be')).toEqual(['Беларуская', 'ltr', 'be_BY']);
    expect(row('de')).toEqual(['Deutsch', 'ltr', 'de_DE']);
    expect(row('fa-AF')).toEqual(['دری', 'rtl', 'fa_AF']);
    expect(row('ar')).toEqual(['العربية', 'rtl', 'ar_AR']);
    expect(row('fa')).toEqual(['فارسی', 'rtl', 'fa_IR']);
    expect(row('en')).toEqual(['English', 'ltr', 'en_GB']);
  });

  it('uses each language’s quotation marks', () => {
    expect(findLanguage('de')!.quotes.open + findLanguage('de')!.quotes.close).toBe('„“');
    for (const tag of ['ru', 'be', 'fa', 'fa-AF', 'ar']) {
      const q = findLanguage(tag)!.quotes;
      expect(q.open + q.close).toBe('«»');
    }
  });

  it('writes page numbers in the language’s digits', () => {
    expect(formatNumber(findLanguage('fa')!, 12)).toBe('۱۲');
    expect(formatNumber(findLanguage('fa-AF')!, 1234)).toBe('۱۲۳۴');
    expect(formatNumber(findLanguage('ar')!, 12)).toBe('12');
    expect(formatNumber({ ...findLanguage('ar')!, digits: 'arab' }, 12)).toBe('١٢');
  });

  it('writes whole numbers digit for digit exactly as Intl.NumberFormat does, and others through it', () => {
    const numbers = [0, 1, 9, 10, 12, 99, 100, 1080, 1920, 12345, 9_007_199_254_740_991];
    for (const lang of [...LANGUAGES, { ...findLanguage('ar')!, digits: 'arab' as const }]) {
      const intl = new Intl.NumberFormat(`${lang.tag}-u-nu-${lang.digits}`, { useGrouping: false });
      for (const n of [...numbers, -3, 2.5]) expect(formatNumber(lang, n), `${lang.tag} ${lang.digits} ${n}`).toBe(intl.format(n));
    }
  });

  it('formats dates in the language’s locale and digits', () => {
    expect(formatDate(findLanguage('de')!, '2026-11-24')).toBe('24. November 2026');
    expect(formatDate(findLanguage('ru')!, '2026-11-24')).toMatch(/^24 ноября 2026/);
    expect(formatDate(findLanguage('fa')!, '2026-11-24')).toMatch(/[۰-۹]/);
    expect(formatDate(findLanguage('fa')!, '2026-11-24')).not.toMatch(/[0-9]/);
  });

  it('names fonts that exist, with their licences', () => {
    for (const lang of LANGUAGES) {
      for (const chain of Object.values(lang.fonts)) {
        expect(chain.length).toBeGreaterThan(0);
        for (const id of chain) {
          expect(fs.existsSync(FONTS[id].file), FONTS[id].file).toBe(true);
          expect(fs.readFileSync(FONTS[id].licence, 'utf8')).toMatch(/SIL Open Font License/);
        }
      }
    }
  });
});
