import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toHtml } from 'hast-util-to-html';
import { parseMarkdown } from '../../src/content/parse.js';
import { findLanguage } from '../../src/languages.js';
import { renderBody } from '../../src/export/html/markdown.js';
import { ltrRuns } from '../../src/export/html/bidi.js';
import { typographyText } from '../../src/export/html/typography.js';

const lang = (tag: string) => findLanguage(tag)!;

async function body(markdown: string, tag: string): Promise<string> {
  const { tree } = parseMarkdown(`---\ntitle: "t"\n---\n\n${markdown}\n`, new VFile());
  return toHtml(await renderBody(tree, { lang: lang(tag) }), { characterReferences: { useNamedReferences: false } });
}

describe('quotation marks', () => {
  it('uses each language’s marks for straight quotes, inner marks inside', () => {
    expect(typographyText('He said "no" and "she said "yes" then"', lang('en'))).toBe('He said “no” and “she said ‘yes’ then”');
    expect(typographyText('Sie sagten "nein".', lang('de'))).toBe('Sie sagten „nein“.');
    expect(typographyText('Они сказали "нет" и "он сказал "да"".', lang('ru'))).toBe('Они сказали «нет» и «он сказал „да“».');
    expect(typographyText('گفتند "نه".', lang('fa'))).toBe('گفتند «نه».');
  });

  it('pairs quotes across inline markup but not across paragraphs, and leaves code alone', async () => {
    const out = await body('Мы "**не** хотим" войны, `a "b"`.\n\n"Второй" абзац.', 'ru');
    expect(out).toContain('Мы «<strong>не</strong> хотим» войны, <code>a "b"</code>.');
    expect(out).toContain('<p>«Второй» абзац.</p>');
  });

  it('turns an apostrophe between letters into ’', () => {
    expect(typographyText("сям'я don't", lang('be'))).toBe('сям’я don’t');
  });
});

describe('no-break spaces', () => {
  it('keeps the dash on the line of the word before it in Russian and Belarusian only', () => {
    expect(typographyText('Теперь — тишина – и всё.', lang('ru'))).toBe('Теперь\u00A0— тишина\u00A0– и всё.');
    expect(typographyText('Цяпер — цішыня.', lang('be'))).toBe('Цяпер\u00A0— цішыня.');
    expect(typographyText('Jetzt – Stille.', lang('de'))).toBe('Jetzt – Stille.');
  });
  it('keeps § with its number in every language', () => {
    expect(typographyText('§ 22 (2)', lang('de'))).toBe('§\u00A022 (2)');
    expect(typographyText('§ ۲۲ (۲)', lang('fa'))).toBe('§\u00A0۲۲ (۲)');
  });
});

describe('left-to-right isolation in RTL text', () => {
  const runs = (s: string) => ltrRuns(s).map((r) => s.slice(r.start, r.end));
  it('finds Latin names with their brackets, and leaves numbers and references to the bidi algorithm', () => {
    expect(runs('بیانیهٔ چپ پساشوروی (PSL) دربارهٔ')).toEqual(['(PSL)']);
    expect(runs('بر اساس § ۲۲ (۲) قانون اقامت (Aufenthaltsgesetz) را')).toEqual(['(Aufenthaltsgesetz)']);
    expect(runs('بموجب § 22 (2) من قانون')).toEqual([]);
    expect(runs('كما في حالة Artyom Borodin.')).toEqual(['Artyom Borodin']);
    expect(runs('ملف PDF للطباعة (A4)')).toEqual(['PDF', '(A4)']);
    expect(runs('تصویر ۱۲۰۰×۶۳۰ برای')).toEqual([]);
    expect(runs('سه هزار و ۲۰۲۶ نفر')).toEqual([]);
  });

  it('wraps the runs in <bdi dir="ltr"> in RTL pages and nowhere else', async () => {
    const fa = await body('چپ پساشوروی (PSL) و § ۲۲ (۲) و [Post-Soviet Left](https://example.org/).', 'fa');
    expect(fa).toContain('چپ پساشوروی <bdi dir="ltr">(PSL)</bdi> و §\u00A0۲۲ (۲) و <a href="https://example.org/" rel="noopener noreferrer"><bdi dir="ltr">Post-Soviet Left</bdi></a>.');
    const ru = await body('Постсоветские левые (PSL) и § 22 (2).', 'ru');
    expect(ru).not.toContain('<bdi');
  });
});
