/** Co-signers and events as the front matter gives them, and the site's call to join and imprint. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseMarkdown } from '../../src/content/parse.js';
import { publishedEvent, publishedSignatories, readEvent, readSignatories, zonedInstant } from '../../src/content/civic.js';
import { joinFor, parseSite, SiteConfigError } from '../../src/config.js';

function doc(frontMatter: string) {
  const text = `---\ntitle: "T"\n${frontMatter}\n---\n\nBody.\n`;
  return { text, ...parseMarkdown(text, new VFile({ path: 'x.md', value: text })) };
}

const SITE_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '../../site.yaml'), 'utf8');

function siteProblem(text: string): string {
  try {
    parseSite(text, 'site.yaml', {});
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('signatories', () => {
  it('reads names and links with their places, and never publishes a javascript: link', () => {
    const d = doc('signatories:\n  - name: A\n    url: https://a.example/\n  - B\n  - name: C\n    url: javascript:alert(1)');
    const { list, problems } = readSignatories(d);
    expect(list!.map((s) => [s.name, s.url, s.place.line, s.place.column])).toEqual([['A', 'https://a.example/', 4, 5], ['B', undefined, 6, 5], ['C', undefined, 7, 5]]);
    expect(problems.map((p) => [p.place.line, p.place.column, p.message])).toEqual([[8, 10, 'The link of “C” (javascript:alert(1)) is not a web address; only links starting with https:// or http:// are published.']]);
    expect(publishedSignatories(d, d).map((s) => s.url)).toEqual(['https://a.example/', undefined, undefined]);
  });

  it('a translation gives the names; the links are always the source’s; another count shows the source’s names', () => {
    const source = doc('signatories:\n  - name: A\n    url: https://a.example/\n  - B');
    const translated = doc('signatories:\n  - name: А\n    url: https://evil.example/\n  - Б');
    expect(publishedSignatories(translated, source).map((s) => [s.name, s.url])).toEqual([['А', 'https://a.example/'], ['Б', undefined]]);
    expect(publishedSignatories(doc('signatories:\n  - А'), source).map((s) => s.name)).toEqual(['A', 'B']);
    expect(publishedSignatories(doc('date: 2026-01-01'), source).map((s) => s.name)).toEqual(['A', 'B']);
  });
});

describe('event', () => {
  it('turns the wall clock of the zone into the instant, on both sides of a clock change', () => {
    expect(new Date(zonedInstant('2026-12-12T14:00', 'Europe/Berlin')).toISOString()).toBe('2026-12-12T13:00:00.000Z');
    expect(new Date(zonedInstant('2026-07-01T14:00', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-21T09:30', 'Asia/Kabul')).toISOString()).toBe('2026-03-21T05:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-21T09:30', 'Asia/Tehran')).toISOString()).toBe('2026-03-21T06:00:00.000Z');
  });

  it('a translation may translate place and address, not the time', () => {
    const source = doc('event:\n  start: 2026-12-12T14:00\n  timezone: Europe/Berlin\n  place: Gate');
    const translated = doc('event:\n  start: 2026-12-12T18:00\n  timezone: Europe/Berlin\n  place: Ворота');
    expect(publishedEvent(translated, source)).toMatchObject({ start: '2026-12-12T14:00', timeZone: 'Europe/Berlin', place: 'Ворота' });
  });

  it('reports an end before the start', () => {
    const { problems } = readEvent(doc('event:\n  start: 2026-12-12T14:00\n  end: 2026-12-12T13:00\n  timezone: Europe/Berlin'));
    expect(problems.map((p) => [p.place.line, p.message])).toEqual([[5, 'The event ends (2026-12-12T13:00) before it starts (2026-12-12T14:00).']]);
  });
});

describe('site.yaml join and imprint', () => {
  it('gives each language its own link and text; the English link where it has none', () => {
    const text = SITE_TEXT.replace(/^join:\n {2}url: .*$/m, 'join:\n  url: https://psl.example/join/\n  text: Join us.\n  de:\n    url: https://psl.example/mitmachen/\n    text: Mach mit.\n  ru:\n    text: Вступайте.');
    const site = parseSite(text, 'site.yaml', {});
    expect(joinFor(site, 'de')).toEqual({ url: 'https://psl.example/mitmachen/', text: 'Mach mit.' });
    expect(joinFor(site, 'ru')).toEqual({ url: 'https://psl.example/join/', text: 'Вступайте.' });
    expect(joinFor(site, 'en')).toEqual({ url: 'https://psl.example/join/', text: 'Join us.' });
    // Persian readers get the link and their own UI string, not an English sentence.
    expect(joinFor(site, 'fa')).toEqual({ url: 'https://psl.example/join/' });
  });

  it('names the line of a wrong join link or an unknown language', () => {
    const base = SITE_TEXT.split('\n').findIndex((l) => l.startsWith('join:')) + 1;
    expect(siteProblem(SITE_TEXT.replace(/^join:\n {2}url: .*$/m, 'join:\n  url: javascript:alert(1)'))).toBe(`site.yaml:${base + 1}:8: The setting “join.url” must be a web address starting with https:// (found “javascript:alert(1)”).`);
    expect(siteProblem(SITE_TEXT.replace(/^join:\n/m, 'join:\n  xx:\n    text: Hi\n'))).toMatch(new RegExp(`^site\\.yaml:${base + 2}:5: The setting “join\\.xx” is not a language of the site`));
    expect(parseSite(SITE_TEXT.replace(/^join:\n {2}url: .*$/m, 'join:\n  url: mailto:join@psl.example'), 'site.yaml', {}).join.url).toBe('mailto:join@psl.example');
  });

  it('reads the imprint’s postal address as lines, and rejects a number', () => {
    const site = parseSite(SITE_TEXT.replace(/^imprint:\n(.*\n)/m, 'imprint:\n$1  address:\n    - Street 1\n    - 10115 Berlin\n'), 'site.yaml', {});
    expect(site.imprint.address).toEqual(['Street 1', '10115 Berlin']);
    expect(siteProblem(SITE_TEXT.replace(/^imprint:\n(.*\n)/m, 'imprint:\n$1  address: 12\n'))).toContain('“imprint.address” must be the postal address');
  });
});
