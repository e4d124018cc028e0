/**
 * The plain-text version (`<slug>-<lang>.txt`): every word of the statement in order, what the
 * printed page says around it, no Markdown left, links written out, and right-to-left lines
 * that an app reading the first strong letter shows right to left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.js';
import { loadRepository } from '../../src/content/index.js';
import { LANGUAGES } from '../../src/languages.js';
import { absoluteUrl, publications, type Publication } from '../../src/publication.js';
import { renderers } from '../../src/render/index.js';
import { noMemo } from '../../src/memo.js';
import { REPO_ROOT } from '../html/render.js';
import { makeRepo } from '../support/repo.js';
import { bodyWords, expectRightToLeftLine, MARKS, wordsOf } from '../posts/support.js';

const SLUG = 'humanitarian-visas';

async function text(pub: Publication): Promise<{ path: string; text: string; bytes: Uint8Array }> {
  const [file, ...rest] = await renderers.kinds.text!(pub, noMemo);
  expect(rest).toEqual([]);
  return { path: file!.path, text: new TextDecoder().decode(file!.bytes).replace(/^\uFEFF/, ''), bytes: file!.bytes };
}

const real = publications(loadRepository(REPO_ROOT)).filter((p) => p.slug === SLUG);

describe.each(LANGUAGES.map((l) => l.tag))('%s', (tag) => {
  const pub = () => real.find((p) => p.lang.tag === tag)!;

  it('has every word of the statement in order, between its title and date and the page’s address', async () => {
    const { path, text: t, bytes } = await text(pub());
    expect(path).toBe(`${SLUG}/${tag}/${SLUG}-${tag}.txt`);
    // A byte order mark, so a file opened with no encoding given still reads as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const paragraphs = t.trimEnd().split('\n\n').map((p) => p.replace(MARKS, ''));
    expect(paragraphs[0]).toBe(String(pub().doc.data.title).trim());
    expect(paragraphs.at(-1)).toBe(`${pub().t('print.readOnline')}\n${absoluteUrl(SITE.baseUrl, `${SLUG}/${tag}/index.html`)}`);
    expect(paragraphs).toContain(pub().t('site.signature'));
    const words = wordsOf(t);
    const body = bodyWords(pub().doc.tree);
    const start = words.indexOf(body[0]!);
    expect(words.slice(start, start + body.length)).toEqual(body);
    expect(t).not.toMatch(/\*\*|\]\(|^#/m);
    expect(t).not.toContain('\r');
  });

  it.runIf(LANGUAGES.find((l) => l.tag === tag)!.dir === 'rtl')('keeps every line right to left, with addresses and Latin words in order', async () => {
    const { text: t } = await text(pub());
    const lines = t.split('\n').filter((l) => l.replace(MARKS, '').trim());
    for (const line of lines) expectRightToLeftLine(line);
  });
});

describe('a statement with links, lists, a quote, co-signers and an event', () => {
  const root = makeRepo({
    'translations/en/ui.json': fs.readFileSync(path.join(REPO_ROOT, 'translations/en/ui.json'), 'utf8'),
    'statements/rally.md': [
      '---',
      'title: "Rally for visas"',
      'summary: "Come."',
      'date: 2026-12-01',
      'event:',
      '  start: 2026-12-12T14:00',
      '  timezone: Europe/Berlin',
      '  place: Brandenburg Gate',
      'signatories:',
      '  - name: Friends',
      '    url: https://friends.example/',
      '  - Neighbours',
      '---',
      '',
      '## Why',
      '',
      'Read [the law](https://law.example/22) and [this](javascript:alert(1)), or <b>raw</b> https://psl.example/.',
      '',
      'Mail [us](mailto:psl@example.org) or <https://auto.example/>.',
      '',
      '- one',
      '- two',
      '  - nested',
      '',
      '> quoted **words**',
      '',
    ].join('\n'),
  });

  it('writes the page’s parts as plain paragraphs', async () => {
    const [pub] = publications(loadRepository(root));
    const t = (await text(pub!)).text;
    expect(t.split('\n\n').slice(0, 3)).toEqual(['Rally for visas', 'December 1, 2026', expect.stringMatching(/^.+: .*12.*\n.*Brandenburg Gate/)]);
    expect(t).toContain('\n\nWhy\n\n');
    expect(t).toContain('Read the law (https://law.example/22) and this, or raw https://psl.example/.');
    expect(t).not.toMatch(/javascript|<b>/);
    expect(t).toContain('Mail us (psl@example.org) or https://auto.example/.');
    expect(t).toContain('\n\n• one\n\n• two\n\n  ◦ nested\n\n> quoted words\n\n');
    expect(t).toContain(`${pub!.t('civic.signatoriesHeading')}\nFriends · Neighbours`);
  });
});
