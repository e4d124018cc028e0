/** The card's small parts: auto-fit search, typographic binding, labels that do not fit. */
import { describe, expect, it } from 'vitest';
import { largestFitting } from '../../src/export/image/fit.js';
import { bindShortWords } from '../../src/export/image/typography.js';
import { ShareImageFitError, cardFormat, composeCard } from '../../src/export/image/index.js';
import { findLanguage } from '../../src/languages.js';
import { cardText } from '../../src/render/images.js';
import { publication, sourceOf } from './support.js';

describe('largestFitting', () => {
  it('finds the largest size that fits, and only sizes it tried', async () => {
    const tried: number[] = [];
    const result = await largestFitting(10, 60, async (s) => (tried.push(s), s <= 37 ? `at ${s}` : undefined));
    expect(result).toEqual({ size: 37, value: 'at 37' });
    expect(tried.length).toBeLessThan(10);
  });

  it('gives undefined when even the lower bound does not fit', async () => {
    expect(await largestFitting(10, 60, async () => undefined)).toBeUndefined();
  });
});

describe('bindShortWords', () => {
  const ru = findLanguage('ru')!;
  const be = findLanguage('be')!;
  const fa = findLanguage('fa')!;
  const en = findLanguage('en')!;
  const ar = findLanguage('ar')!;
  const de = findLanguage('de')!;
  it('keeps one-letter Cyrillic and Persian words with the next word', () => {
    expect(bindShortWords('виз в Германии и Польше сегодня', ru)).toBe('виз в\u00a0Германии и\u00a0Польше\u00a0сегодня');
    expect(bindShortWords('і ў Мінску', be)).toBe('і\u00a0ў\u00a0Мінску');
    expect(bindShortWords('حقوق مساوی و حمایت مساوی هستیم', fa)).toBe('حقوق مساوی و\u00a0حمایت مساوی\u00a0هستیم');
  });
  it('never starts a line with a dash, keeps § with its number and the last two words together', () => {
    expect(bindShortWords('защиты — для всех', ru)).toBe('защиты\u00a0— для\u00a0всех');
    expect(bindShortWords('متساوية – للجميع.»', ar)).toBe('متساوية\u00a0–\u2060\u00a0للجميع.»');
    expect(bindShortWords('حمایت – برای § ۲۲', fa)).toBe('حمایت\u00a0– برای\u00a0§\u00a0۲۲');
    expect(bindShortWords('of the Post-Soviet Left', en)).toBe('of the Post-\u2060Soviet\u00a0Left');
    expect(bindShortWords('Schutz für Nicht-Regierungs-Organisationen', de)).toBe('Schutz für Nicht-Regierungs-Organisationen');
    expect(bindShortWords('in the Suspension of Humanitarian Visas', en)).toBe('in the Suspension of Humanitarian\u00a0Visas');
    expect(bindShortWords('gleichen Schutz für Aufenthaltsgenehmigungen', de)).toBe('gleichen Schutz für Aufenthaltsgenehmigungen');
  });
});

describe('labels that cannot share a line', () => {
  it('fail with a message that names the UI string to shorten', async () => {
    const pub = publication('de');
    const text = { ...cardText(pub), organisation: 'Postsowjetische Linke in Deutschland, Österreich, der Schweiz und Luxemburg' };
    const error = await composeCard(text, cardFormat('share-1080x1080.png'), sourceOf(pub)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareImageFitError);
    expect((error as Error).message).toContain('“site.name” in translations/de/ui.json');
  }, 30_000);

  it('shrink a longer organisation name instead of failing', async () => {
    const pub = publication('de');
    const format = cardFormat('share-1080x1080.png');
    const normal = await composeCard(cardText(pub), format, sourceOf(pub));
    const longer = await composeCard({ ...cardText(pub), organisation: 'Postsowjetische Linke in Deutschland und Österreich' }, format, sourceOf(pub));
    const size = (card: typeof normal) => card.blocks.find((b) => b.block.role === 'organisation')!.block.layout.lines[0]!.glyphs[0]!.size;
    expect(size(longer)).toBeLessThan(size(normal));
    expect(size(longer)).toBeGreaterThanOrEqual(size(normal) * 0.7);
  }, 30_000);
});
