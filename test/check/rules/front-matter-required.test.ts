import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('front-matter-required', () => {
  it('reports a missing title and an empty summary', async () => {
    await expectFailing('front-matter-required', 'front-matter-required.ru.md', [1, 2]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('front-matter-required');
  });
});
