import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('arabic-persian-letters', () => {
  it('reports Persian ی in an Arabic heading', async () => {
    await expectFailing('arabic-persian-letters', 'arabic-persian-letters.ar.md', [10]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('arabic-persian-letters');
  });
});
