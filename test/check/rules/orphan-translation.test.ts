import { describe, expect, it } from 'vitest';
import { check, fixture, places } from '../helpers.js';

describe('orphan-translation', () => {
  it('reports a translation whose English statement does not exist', async () => {
    const report = await check({ 'translations/ru/samples.md': fixture('good/ru.md') });
    expect(places(report, 'orphan-translation')).toEqual([['translations/ru/samples.md', 1]]);
  });

  it('is quiet when every translation has its statement', async () => {
    expect(places(await check(), 'orphan-translation')).toEqual([]);
  });
});
