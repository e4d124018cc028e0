/** False-positive guards: correct text that a careless rule would flag. */
import { describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.js';

const Z = '\u200C';

async function rulesOn(lang: string, replace: (text: string) => string): Promise<string[]> {
  const report = await check({ [`translations/${lang}/sample.md`]: replace(fixture(`good/${lang}.md`)) });
  return report.diagnostics.filter((d) => d.file.includes(`/${lang}/`)).map((d) => `${d.rule}:${d.line}`);
}

describe('false-positive guards', () => {
  it('Arabic punctuation ؟ ، ؛ is never flagged in Arabic, Farsi or Dari', async () => {
    for (const lang of ['ar', 'fa', 'fa-AF']) {
      const text = fixture(`good/${lang}.md`);
      expect(/[؟،؛]/.test(text), lang).toBe(true);
      const words = lang === 'ar' ? 'نعم، لا؛ ربما' : 'آری، نه؛ شاید';
      expect(await rulesOn(lang, (t) => t.replace(/\n- ([^\n]+)\.\n/, `\n- $1؟ ${words}.\n`)), lang).toEqual([]);
    }
  });

  it('correct zero-width non-joiners and words that merely start with می are not flagged', async () => {
    const extra = ` او می${Z}رود، نمی${Z}خواهد، می${Z}توانیم؛ میدان و میزان و میلیون‌ها و میان.`;
    expect(await rulesOn('fa', (t) => t.replace('نجات داد.', `نجات داد.${extra}`))).toEqual([]);
  });

  it('Latin names and PSL inside right-to-left text are not the wrong script', async () => {
    const extra = ' PSL و Aufenthaltsgesetz و Artyom Borodin.';
    expect(await rulesOn('fa', (t) => t.replace('نجات داد.', `نجات داد.${extra}`))).toEqual([]);
    expect(await rulesOn('ar', (t) => t.replace('ويواصل.', `ويواصل.${extra}`))).toEqual([]);
  });

  it('German „…“ and »…« quotes are accepted, English “…” in German are not', async () => {
    expect(await rulesOn('de', (t) => t.replace('gerettet hat.', 'gerettet hat, »sagen sie«.'))).toEqual([]);
    expect(await rulesOn('de', (t) => t.replace('„Aktivisten“', '“Aktivisten”'))).toEqual(['quotes:12']);
  });

  it('Russian «…» with inner „…“ is accepted', async () => {
    expect(fixture('good/ru.md')).toContain('„антивоенных“');
    expect(await rulesOn('ru', (t) => t)).toEqual([]);
  });

  it('Latin words joined to Cyrillic ones by a hyphen are not homoglyphs', async () => {
    expect(await rulesOn('ru', (t) => t.replace('Люди ждут', 'PSL-активисты и люди ждут'))).toEqual([]);
  });
});
