/** The cards' note: how many co-signed (plural forms and digits of the language), and the event's day. */
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { publications, type Publication } from '../../src/publication.js';
import { cardNote } from '../../src/render/card-note.js';
import { REACH_SLUG, reachFixture, reachRepo } from '../build/reach-support.js';

/** The rally's publications, with `count` signatories (names only) in every language. */
function rally(count?: number, withEvent = true): Publication[] {
  const replace: Record<string, string> = {};
  for (const lang of ['en', 'ru', 'fa', 'ar']) {
    let text = reachFixture(lang);
    if (count !== undefined) {
      const list = Array.from({ length: count }, (_, i) => `  - Organisation ${i + 1}`).join('\n');
      text = text.replace(/signatories:\n(?: {2}.*\n)+/, count === 0 ? '' : `signatories:\n${list}\n`);
    }
    if (!withEvent) text = text.replace(/event:\n(?: {2}.*\n)+/, '');
    replace[lang] = text;
  }
  return publications(loadRepository(reachRepo(replace))).filter((p) => p.slug === REACH_SLUG);
}

const note = (pubs: Publication[], tag: string) => cardNote(pubs.find((p) => p.lang.tag === tag)!);

describe('cardNote', () => {
  it('counts the co-signers and gives the event’s day, in each language’s words, digits and calendar', () => {
    const pubs = rally();
    expect(note(pubs, 'en')).toBe('Co-signed by 3 organisations · December 12, 2026');
    expect(note(pubs, 'ru')).toBe('Поддержали 3 организации · 12 декабря 2026 г.');
    expect(note(pubs, 'fa')).toBe('با امضای ۳ سازمان · ۲۱ آذر ۱۴۰۵');
    expect(note(pubs, 'ar')).toBe('شاركت في التوقيع 3 منظمات · 12 ديسمبر 2026');
  });

  it('uses the plural form the number needs', () => {
    const one = rally(1, false);
    expect(note(one, 'en')).toBe('Co-signed by 1 organisation');
    expect(note(one, 'ru')).toBe('Поддержала 1 организация');
    const five = rally(5, false);
    expect(note(five, 'ru')).toBe('Поддержали 5 организаций');
    expect(note(rally(2, false), 'ar')).toBe('شاركت في التوقيع منظمتان (2)');
    const twelve = rally(12, false);
    expect(note(twelve, 'fa')).toBe('با امضای ۱۲ سازمان');
    expect(note(twelve, 'ar')).toBe('شاركت في التوقيع 12 منظمة');
  });

  it('is the event’s day alone without co-signers, and undefined with neither (the real statement)', () => {
    expect(note(rally(0), 'en')).toBe('December 12, 2026');
    const real = publications(loadRepository(reachRepo())).filter((p) => p.slug !== REACH_SLUG);
    expect(real.length).toBeGreaterThan(0);
    for (const pub of real) expect(cardNote(pub)).toBeUndefined();
  });
});
