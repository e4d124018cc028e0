/**
 * A statement with co-signers and an event, rendered as the build does: the page, both PDFs
 * (read back with poppler) and the .ics file (parsed with ical.js) show them in the reader's
 * language, digits and calendar; the pages stay valid, accessible and self-contained; every
 * page has the call to join and the imprint, and the PDFs the V.i.S.d.P. line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import ICAL from 'ical.js';
import axe from 'axe-core';
import { chromium, type Browser } from 'playwright-core';
import { SITE } from '../../src/config.js';
import { loadRepository } from '../../src/content/index.js';
import { artefactPaths, publications, type Artefact, type Publication } from '../../src/publication.js';
import { renderers } from '../../src/render/index.js';
import { noMemo } from '../../src/memo.js';
import { CHROMIUM, CHROMIUM_ARGS, haveTools } from '../support/tools.js';
import { tempDir } from '../support/temp.js';
import { serve, type Served } from '../html/server.js';
import { REACH_SLUG, reachRepo } from './reach-support.js';
import { ocr, words } from '../image/ocr.js';
import { cardText } from '../../src/render/card-text.js';

const tools = haveTools('pdftotext', 'tesseract', CHROMIUM);
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
/** Bidi controls poppler adds around right-to-left runs, which no reader sees. */
const plain = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '').replace(/\s+/g, ' ');

let out: string;
let pubs: Publication[];
const files = new Map<string, Artefact>();

function read(p: string): string {
  return new TextDecoder().decode(files.get(p)!.bytes);
}

function pdfText(tag: string, format: 'pdfA4' | 'pdfA5'): string {
  return plain(execFileSync('pdftotext', [path.join(out, artefactPaths(REACH_SLUG, tag)[format]), '-'], { encoding: 'utf8' }));
}

describe.skipIf(!tools)('a statement with co-signers and an event', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    const repo = loadRepository(reachRepo());
    pubs = publications(repo);
    out = tempDir('psl-reach-dist-');
    const mine = pubs.filter((p) => p.slug === REACH_SLUG);
    expect(mine.map((p) => p.lang.tag)).toEqual(['en', 'ru', 'ar', 'fa']);
    const artefacts: Artefact[] = [];
    for (const pub of mine) for (const kind of ['page', 'pdf', 'calendar']) artefacts.push(...await renderers.kinds[kind](pub, noMemo));
    for (const pub of pubs.filter((p) => p.slug !== REACH_SLUG && ['de', 'fa'].includes(p.lang.tag))) {
      artefacts.push(...await renderers.kinds.page(pub, noMemo), ...await renderers.kinds.calendar(pub, noMemo));
    }
    artefacts.push(...await renderers.site(pubs, noMemo));
    for (const a of artefacts) {
      files.set(a.path, a);
      fs.mkdirSync(path.dirname(path.join(out, a.path)), { recursive: true });
      fs.writeFileSync(path.join(out, a.path), a.bytes);
    }
  }, 240_000);

  it('the cards say how many organisations co-signed and the day of the event, in the language (tesseract reads it on the en and fa cards)', async () => {
    const en = pubs.find((p) => p.slug === REACH_SLUG && p.lang.tag === 'en')!;
    const fa = pubs.find((p) => p.slug === REACH_SLUG && p.lang.tag === 'fa')!;
    expect(cardText(en).note).toBe('Co-signed by 3 organisations · December 12, 2026');
    expect(cardText(fa).note).toMatch(/۳.*·.*۲۱ آذر ۱۴۰۵/);
    // The real statement has neither: no note on its cards.
    expect(cardText(pubs.find((p) => p.slug !== REACH_SLUG)!).note).toBeUndefined();
    for (const pub of [en, fa]) {
      const card = (await renderers.kinds.images(pub, noMemo)).find((a) => a.path.endsWith('share-1080x1080.png'))!;
      const read = (await ocr(card.bytes, pub.lang)).flatMap((t) => words(t, pub.lang));
      const expected = words(cardText(pub).note!, pub.lang).filter((w) => w.length > 2);
      const found = expected.filter((w) => read.includes(w));
      expect(found.length / expected.length, `${pub.lang.tag}: ${expected.join(' ')} in ${read.join(' ')}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('the English page lists the co-signers with their links, the event with its calendar file, the call to join and the imprint', () => {
    const page = read('rally/en/index.html');
    expect(page).toContain('<h2 id="signatories-heading">Co-signed by</h2>');
    expect(page).toContain('<a href="https://solidarity.example/" rel="noopener">Solidarity Network Berlin</a>');
    expect(page).toContain('<li>Exiles Against War</li>');
    expect(page).toMatch(/<time datetime="2026-12-12T13:00:00.000Z">December 12, 2026, 2:00\s?–\s?5:00\sPM<\/time> \(Central European Standard Time\)/);
    expect(page).toContain('Brandenburg Gate, Pariser Platz, 10117 Berlin');
    const ics = /<a href="([^"]+)" type="text\/calendar"/.exec(page)![1];
    expect(files.has(`rally/en/${ics}`)).toBe(true);
    expect(page).toContain(`<a href="${SITE.join.url}" dir="ltr">`);
    expect(page).toContain(`Responsible for the content: ${SITE.imprint.responsible}`);
  });

  it('the Persian page writes the event in the Solar Hijri calendar with Persian digits; the Arabic one in its registry digits (Western)', () => {
    const fa = read('rally/fa/index.html');
    expect(fa).toContain('۲۱ آذر ۱۴۰۵، ۱۴:۰۰');
    expect(fa).toContain('<li><a href="https://solidarity.example/" rel="noopener">شبکهٔ همبستگی برلین</a></li>');
    expect(fa).toContain('مسئول محتوا');
    const ar = read('rally/ar/index.html');
    expect(ar).toContain('12 ديسمبر 2026، 2:00');
    expect(ar).toContain('منفيون ضد الحرب');
  });

  it('the real statement’s pages and the site pages carry the call to join and the imprint, and no event', () => {
    for (const p of ['humanitarian-visas/de/index.html', 'humanitarian-visas/fa/index.html']) {
      const page = read(p);
      expect(page).toContain('id="join-heading"');
      expect(page).toContain('id="imprint"');
      expect(page).not.toContain('text/calendar');
      expect(page).not.toContain('signatories-heading');
    }
    expect(read('humanitarian-visas/de/index.html')).toContain('<h2 id="imprint-heading">Impressum</h2>');
    expect(read('index.html')).toContain('id="imprint"');
    expect([...files.keys()].filter((p) => p.endsWith('.ics') && p.startsWith('humanitarian-visas/'))).toEqual([]);
  });

  it.each([['en', 'December 12, 2026, 2:00'], ['ru', '12 декабря 2026 г., 14:00–17:00'], ['fa', '۱۴:۰۰'], ['ar', '2:00']])('both %s PDFs show the event, the co-signers, the call to join and the V.i.S.d.P. line', (tag, word) => {
    const pub = pubs.find((p) => p.slug === REACH_SLUG && p.lang.tag === tag)!;
    for (const format of ['pdfA4', 'pdfA5'] as const) {
      const text = pdfText(tag, format);
      expect(text, format).toContain(pub.t('civic.eventHeading'));
      expect(text, format).toContain(word);
      expect(text, format).toContain('10117 Berlin');
      expect(text, format).toContain(String(pub.doc.data.signatories && (pub.doc.data.signatories as Array<{ name?: string }>)[0].name));
      expect(text, format).toContain(pub.t('civic.joinText'));
      expect(text, format).toContain('postsovietleft.org/join');
      expect(text, format).toContain('V.i.S.d.P.');
      expect(text, format).toContain(SITE.imprint.responsible);
    }
  });

  it('the Persian PDFs write the date in Persian digits and the Solar Hijri month, the Arabic ones in Western digits', () => {
    for (const format of ['pdfA4', 'pdfA5'] as const) {
      expect(pdfText('fa', format)).toContain('آذر');
      expect(pdfText('fa', format)).toMatch(/۲۱ آذر ۱۴۰۵/);
      expect(pdfText('fa', format)).not.toMatch(/1405|14:00/);
      expect(pdfText('ar', format)).toMatch(/12 ديسمبر 2026/);
    }
  });

  it('the .ics starts at 14:00 in Europe/Berlin (13:00 UTC), with its VTIMEZONE, a fixed stamp and a stable UID', () => {
    for (const tag of ['en', 'fa']) {
      const text = read(`rally/${tag}/rally-${tag}.ics`);
      const calendar = new ICAL.Component(ICAL.parse(text));
      const zone = calendar.getFirstSubcomponent('vtimezone')!;
      expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
      const timezone = new ICAL.Timezone(zone);
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      const start = vevent.getFirstProperty('dtstart')!;
      expect(start.getParameter('tzid')).toBe('Europe/Berlin');
      const event = new ICAL.Event(vevent);
      const begins = event.startDate.clone();
      begins.zone = timezone;
      expect(begins.toUnixTime()).toBe(Date.UTC(2026, 11, 12, 13) / 1000);
      const ends = event.endDate.clone();
      ends.zone = timezone;
      expect(ends.toUnixTime()).toBe(Date.UTC(2026, 11, 12, 16) / 1000);
      expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-01T12:00:00Z');
      expect(event.uid).toBe(`rally-${tag}@${new URL(SITE.canonicalUrl).host}`);
      expect(event.summary).toBe(pubs.find((p) => p.slug === REACH_SLUG && p.lang.tag === tag)!.doc.data.title);
    }
  });

  describe('in chromium', () => {
    let server: Served;
    let browser: Browser;
    beforeAll(async () => {
      server = await serve(out);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each(['en', 'fa', 'ar'])('the %s rally page is valid HTML, has no axe-core violations and requests nothing from elsewhere', async (tag) => {
      const report = await validator.validateString(read(`rally/${tag}/index.html`));
      expect(report.results.flatMap((r) => r.messages).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
      const ctx = await browser.newContext();
      const outside: string[] = [];
      await ctx.route('**/*', (route) => {
        if (route.request().url().startsWith(`${server.origin}/`)) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const page = await ctx.newPage();
      await page.goto(`${server.origin}/rally/${tag}/`, { waitUntil: 'load' });
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
      expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
      expect(outside).toEqual([]);
      await ctx.close();
    });
  });
});
