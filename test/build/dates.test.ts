/** The build's dates: formatted once with Intl, kept in the cache, and given to every thread. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { datesFor } from '../../src/build/dates.js';
import { dateKey, findLanguage, formatDate, formatDateWithIntl, knowDates, type Language } from '../../src/languages.js';
import type { Publication } from '../../src/publication.js';
import { tempDir as makeTempDir } from '../support/temp.js';

const tempDir = () => makeTempDir('psl-dates-');

const lang = (tag: string) => findLanguage(tag) as Language;
const pub = (tag: string, date: string) => ({ lang: lang(tag), date }) as Publication;

describe('datesFor', () => {
  it('formats every publication’s date as Intl does, in its own digits and calendar', () => {
    const dates = datesFor([pub('fa', '2026-11-24'), pub('ar', '2026-11-24'), pub('de', '2025-03-01')], tempDir());
    expect(dates).toEqual({
      [dateKey(lang('fa'), '2026-11-24')]: formatDateWithIntl(lang('fa'), '2026-11-24'),
      [dateKey(lang('ar'), '2026-11-24')]: formatDateWithIntl(lang('ar'), '2026-11-24'),
      [dateKey(lang('de'), '2025-03-01')]: formatDateWithIntl(lang('de'), '2025-03-01'),
    });
    expect(dates[dateKey(lang('fa'), '2026-11-24')]).toBe('۳ آذر ۱۴۰۵');
    expect(dates[dateKey(lang('de'), '2025-03-01')]).toBe('1. März 2025');
  });

  it('reads the dates it kept instead of formatting them again', () => {
    const dir = tempDir();
    datesFor([pub('ru', '2026-11-24')], dir);
    const [file] = fs.readdirSync(dir);
    const key = dateKey(lang('ru'), '2026-11-24');
    // A value Intl would never give proves which one was used.
    fs.writeFileSync(path.join(dir, file!), JSON.stringify({ [key]: 'kept' }));
    expect(datesFor([pub('ru', '2026-11-24')], dir)).toEqual({ [key]: 'kept' });
  });

  it('formats anew when the kept table is unreadable, and skips what is not a date', () => {
    const dir = tempDir();
    datesFor([pub('ru', '2026-11-24')], dir);
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file!), '{"broken');
    const dates = datesFor([pub('ru', '2026-11-24'), pub('en', 'soon'), pub('de', '')], dir);
    expect(dates).toEqual({ [dateKey(lang('ru'), '2026-11-24')]: '24 ноября 2026 г.' });
  });
});

describe('formatDate', () => {
  it('answers from the dates given to it, and asks Intl for any other', () => {
    knowDates({ [dateKey(lang('be'), '2001-01-01')]: 'given' });
    expect(formatDate(lang('be'), '2001-01-01')).toBe('given');
    expect(formatDate(lang('be'), '2001-01-02')).toBe(formatDateWithIntl(lang('be'), '2001-01-02'));
  });
});
