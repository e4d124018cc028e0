import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('belarusian-letters', () => {
  it('reports Russian ъ and и in a Belarusian word', async () => {
    await expectFailing('belarusian-letters', 'belarusian-letters.be.md', [14, 14]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('belarusian-letters');
  });
});
