/**
 * The language registry. Adding a language takes one entry here and one folder
 * `translations/<tag>/` with `ui.json` and the statements; nothing else.
 */
import type { FontChains } from './fonts.js';

export type Direction = 'ltr' | 'rtl';
/** ISO 15924 script of the language's running text. */
export type Script = 'Latn' | 'Cyrl' | 'Arab';
/** Unicode numbering system ids, as `Intl` knows them. */
export type Digits = 'latn' | 'arab' | 'arabext';

export interface Language {
  /** BCP 47 tag; also the folder name under translations/. */
  tag: string;
  englishName: string;
  nativeName: string;
  dir: Direction;
  script: Script;
  /** Outer quotation marks, then the marks for a quote inside a quote. */
  quotes: { open: string; close: string; innerOpen: string; innerClose: string };
  /** Digits for page numbers and dates. */
  digits: Digits;
  /** Open Graph locale, e.g. ru_RU. */
  ogLocale: string;
  /** OpenType language tag HarfBuzz should use, where the BCP 47 tag alone would pick another. */
  otLanguage?: string;
  /** Hyphenation patterns of the `hyphen` package (a file in hyphen/patterns/), where the language has them. */
  hyphenation?: 'en-gb' | 'en-us' | 'de-1996' | 'ru' | 'be';
  fonts: FontChains;
  /** How justified lines may stretch with kashida (tatweel); none where absent (no kashida at all). */
  kashida?: KashidaPolicy;
  /** The source language: its statements live in statements/, not translations/. */
  source?: boolean;
  /**
   * Plural forms (i18next suffixes) whose words already say the number, so their text may
   * leave out {{count}}: Arabic writes one and two without the numeral (بيان واحد، بيانان).
   */
  countInWords?: string[];
}

/**
 * Kashida in justified text, per language. A justified line first widens its spaces, by up to
 * `spaceFirst` of their natural width; what is still missing goes into tatweels, at most
 * `maxPerWord` in a word and `maxPerLine` on the line, never in a word of fewer than
 * `minLetters` letters; the spaces take whatever is left after that.
 */
export interface KashidaPolicy {
  /** Words with fewer letters than this (tatweels and marks not counted) are never stretched. */
  minLetters: number;
  maxPerWord: number;
  maxPerLine: number;
  /** How much wider (as a fraction of their natural width) the spaces get before any kashida. */
  spaceFirst: number;
}

/**
 * Persian and Dari in Vazirmatn, a sans: Persian typesetting stretches sparingly. A short word
 * ("به", "که", "سه") drawn out with a tatweel reads as a mistake, so only words of four letters
 * or more, one tatweel each, and only once the spaces have grown by half. Up to six on a line
 * (of 12–16 words on A4): with two, the loosest lines of the statement got spaces three times
 * their width, which pdf.js then read as column gaps (its text of the Persian A4 came back with
 * a line in the wrong order: 5 % of characters wrong, against 0.06 % with six, 1.8 % with four).
 */
const persianKashida: KashidaPolicy = { minLetters: 4, maxPerWord: 1, maxPerLine: 6, spaceFirst: 0.5 };
/** Arabic in Naskh, whose long joins are made for it: more per word and per line, spaces less first. */
const arabicKashida: KashidaPolicy = { minLetters: 3, maxPerWord: 3, maxPerLine: 8, spaceFirst: 0.2 };

const latinCyrillicFonts: FontChains = {
  regular: ['pt-serif-regular'],
  bold: ['pt-serif-bold'],
  italic: ['pt-serif-italic'],
  boldItalic: ['pt-serif-bold-italic'],
};

// Persian type has no italics; emphasis falls back to the upright face.
const persianFonts: FontChains = {
  regular: ['vazirmatn-regular', 'pt-serif-regular'],
  bold: ['vazirmatn-bold', 'pt-serif-bold'],
  italic: ['vazirmatn-regular', 'pt-serif-italic'],
  boldItalic: ['vazirmatn-bold', 'pt-serif-bold-italic'],
};

const arabicFonts: FontChains = {
  regular: ['noto-naskh-arabic-regular', 'pt-serif-regular'],
  bold: ['noto-naskh-arabic-bold', 'pt-serif-bold'],
  italic: ['noto-naskh-arabic-regular', 'pt-serif-italic'],
  boldItalic: ['noto-naskh-arabic-bold', 'pt-serif-bold-italic'],
};

const guillemets = { open: '«', close: '»', innerOpen: '„', innerClose: '“' };
const arabicGuillemets = { open: '«', close: '»', innerOpen: '“', innerClose: '”' };

export const LANGUAGES: Language[] = [
  {
    tag: 'en', englishName: 'English', nativeName: 'English', dir: 'ltr', script: 'Latn',
    quotes: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
    digits: 'latn', ogLocale: 'en_GB', hyphenation: 'en-gb', fonts: latinCyrillicFonts, source: true,
  },
  {
    tag: 'ru', englishName: 'Russian', nativeName: 'Русский', dir: 'ltr', script: 'Cyrl',
    quotes: guillemets, digits: 'latn', ogLocale: 'ru_RU', hyphenation: 'ru', fonts: latinCyrillicFonts,
  },
  {
    tag: 'be', englishName: 'Belarusian', nativeName: 'Беларуская', dir: 'ltr', script: 'Cyrl',
    quotes: guillemets, digits: 'latn', ogLocale: 'be_BY', hyphenation: 'be', fonts: latinCyrillicFonts,
  },
  {
    tag: 'de', englishName: 'German', nativeName: 'Deutsch', dir: 'ltr', script: 'Latn',
    quotes: { open: '„', close: '“', innerOpen: '‚', innerClose: '‘' },
    digits: 'latn', ogLocale: 'de_DE', hyphenation: 'de-1996', fonts: latinCyrillicFonts,
  },
  {
    tag: 'fa-AF', englishName: 'Dari', nativeName: 'دری', dir: 'rtl', script: 'Arab',
    quotes: arabicGuillemets, digits: 'arabext', ogLocale: 'fa_AF', otLanguage: 'DRI', fonts: persianFonts, kashida: persianKashida,
  },
  {
    tag: 'ar', englishName: 'Arabic', nativeName: 'العربية', dir: 'rtl', script: 'Arab',
    // Western digits by default; set 'arab' for Arabic-Indic digits in page numbers and dates.
    quotes: arabicGuillemets, digits: 'latn', ogLocale: 'ar_AR', fonts: arabicFonts, kashida: arabicKashida,
    countInWords: ['one', 'two'],
  },
  {
    tag: 'fa', englishName: 'Persian', nativeName: 'فارسی', dir: 'rtl', script: 'Arab',
    quotes: arabicGuillemets, digits: 'arabext', ogLocale: 'fa_IR', otLanguage: 'FAR', fonts: persianFonts, kashida: persianKashida,
  },
];

export const SOURCE_LANGUAGE: Language = LANGUAGES.find((l) => l.source)!;

/** The languages statements are translated into. */
export function targetLanguages(languages: Language[] = LANGUAGES): Language[] {
  return languages.filter((l) => !l.source);
}

export function findLanguage(tag: string, languages: Language[] = LANGUAGES): Language | undefined {
  return languages.find((l) => l.tag === tag);
}

/** The Intl locale with the language's digits, e.g. `fa-u-nu-arabext`. */
export function intlLocale(lang: Language): string {
  return `${lang.tag}-u-nu-${lang.digits}`;
}

/**
 * Format a number in the language's digits, without grouping (page numbers, list numbers,
 * pixel sizes). A whole number that is not negative is written digit for digit, which is what
 * Intl.NumberFormat gives for it (test/content/languages.test.ts compares them): a thread's first
 * Intl formatter costs it 25–40 ms, as ICU loads its data, and a PDF needs no other.
 */
export function formatNumber(lang: Language, n: number): string {
  if (Number.isSafeInteger(n) && n >= 0) {
    const zero = ZERO[lang.digits];
    return zero === 0x30 ? String(n) : String(n).replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 0x30));
  }
  return formatter(numberFormats, lang, () => new Intl.NumberFormat(intlLocale(lang), { useGrouping: false })).format(n);
}

/** The code point of the digit zero in each numbering system. */
const ZERO: Record<Digits, number> = { latn: 0x30, arab: 0x660, arabext: 0x6f0 };

/** Format an ISO date (YYYY-MM-DD) as the language writes it, in its digits. */
export function formatDate(lang: Language, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return formatter(dateFormats, lang, () => new Intl.DateTimeFormat(intlLocale(lang), DATE_STYLE)).format(date);
}

const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };

// Making an Intl formatter costs far more than using one (PDF page numbers ask thousands of times).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Keyed by the Intl locale, which names the digits too: the formatter depends on nothing else. */
function formatter<F>(cache: Map<string, F>, lang: Language, make: () => F): F {
  const key = intlLocale(lang);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

/**
 * A time span as the language writes it, in the language's digits and calendar (Solar Hijri
 * for Persian and Dari), at the wall clock of `timeZone`; and the zone's name, since readers in
 * exile live in other zones than the event. The day and the hours are formatted apart: ICU's
 * one pattern for both puts the Persian weekday after the year.
 */
export function formatTimeSpan(lang: Language, start: number, end: number | undefined, timeZone: string): { when: string; zone: string } {
  const locale = intlLocale(lang);
  const hours = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const sameDay = end === undefined || formatDay(lang, start, timeZone) === formatDay(lang, end, timeZone);
  const comma = lang.script === 'Arab' ? '، ' : ', ';
  const when = sameDay
    ? `${formatDay(lang, start, timeZone)}${comma}${end === undefined ? hours.format(start) : hours.formatRange(start, end)}`
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).formatRange(start, end!);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return { when, zone };
}

/** A day as the language writes it (long form, its digits and calendar) at the wall clock of `timeZone`. */
export function formatDay(lang: Language, instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone }).format(instant);
}
