/**
 * posts-fit: a title (with the link) too long for one post, and a quote too long for the
 * captions, are reported at their front-matter field with the excess as the platform counts.
 * The expected excess is counted here with the platforms' own measures: twitter-text for X,
 * UTF-16 code units for Telegram. (Its rows in rules.test.ts check place and wording; this
 * checks the counts.)
 */
import { describe, expect, it } from 'vitest';
import twitter from 'twitter-text';
import { parse as parseYaml } from 'yaml';
import { SITE } from '../../src/config.js';
import { findLanguage } from '../../src/languages.js';
import { check, fixture, SLUG } from './helpers.js';

const url = (lang: string) => `${SITE.baseUrl}${SLUG}/${lang}/`;
const front = (name: string) => parseYaml(fixture(name).split('---\n')[1]!) as { title: string; quote: string };

describe('posts-fit', () => {
  it('reports a title that with the link does not fit one X post, saying by how much', async () => {
    const file = `translations/de/${SLUG}.md`;
    const report = await check({ [file]: fixture('fail/posts-fit.de.md') });
    const found = report.diagnostics.filter((d) => d.rule === 'posts-fit');
    expect(found.map((d) => [d.file, d.line, d.column])).toEqual([[file, 2, 8]]);
    const over = twitter.parseTweet(`${front('fail/posts-fit.de.md').title}\n\n${url('de')}`).weightedLength - 280;
    expect(over).toBeGreaterThan(0);
    expect(found[0]!.message).toContain('on X');
    expect(found[0]!.fix).toBe(`Shorten the title by at least ${over} characters.`);
    expect(found[0]!.severity).toBe('error');
  });

  it('reports a Persian quote too long for the Telegram caption, counted in UTF-16 code units', async () => {
    const file = `translations/fa/${SLUG}.md`;
    const report = await check({ [file]: fixture('fail/posts-fit.fa.md') });
    const found = report.diagnostics.filter((d) => d.rule === 'posts-fit');
    expect(found.map((d) => [d.file, d.line])).toEqual([[file, 5]]);
    const { title, quote } = front('fail/posts-fit.fa.md');
    const q = findLanguage('fa')!.quotes;
    // Bold title, the quote in its marks, the link with the three directional marks a
    // right-to-left post puts around it (an RLM before, an LRM and an RLM after).
    const length = `${title}\n\n${q.open}${quote}${q.close}\n\n\u200F${url('fa')}\u200E\u200F`.length;
    expect(found[0]!.message).toContain('Telegram');
    expect(found[0]!.message).toContain(`${length} characters`);
    expect(found[0]!.fix).toBe(`Shorten the quote (or the title) by at least ${length - 1024} characters.`);
  });
});
