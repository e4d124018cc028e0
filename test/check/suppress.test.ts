import { describe, expect, it } from 'vitest';
import { check, fixture, places } from './helpers.js';

describe('check-ignore comments', () => {
  it('silence one rule for the next block only', async () => {
    const report = await check({ 'translations/fa/sample.md': fixture('fail/check-ignore.fa.md') });
    expect(places(report, 'wrong-script')).toEqual([]);
    // The comment is not a block of its own: structure still matches the English text.
    expect(places(report, 'structure-blocks')).toEqual([]);
    const unsuppressed = await check({ 'translations/fa/sample.md': fixture('fail/wrong-script.fa.md') });
    expect(places(unsuppressed, 'wrong-script')).toEqual([['translations/fa/sample.md', 15]]);
  });

  it('do not silence other rules', async () => {
    const text = fixture('fail/homoglyph.ru.md').replace('Мы требуем', '<!-- check-ignore quotes: not this rule -->\nМы требуем');
    const report = await check({ 'translations/ru/sample.md': text });
    expect(places(report, 'homoglyph')).toEqual([['translations/ru/sample.md', 18]]);
  });
});
