import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('invisible-characters', () => {
  it('reports a zero-width space in the title and a right-to-left override', async () => {
    await expectFailing('invisible-characters', 'invisible-characters.ar.md', [2, 17]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('invisible-characters');
  });
});
