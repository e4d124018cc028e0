import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('structure-numbers', () => {
  it('reports 4000 where the English says 3,000', async () => {
    await expectFailing('structure-numbers', 'structure-numbers.ar.md', [12, 12]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('structure-numbers');
  });
});
