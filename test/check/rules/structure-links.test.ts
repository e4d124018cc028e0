import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('structure-links', () => {
  it('reports a link to another address', async () => {
    await expectFailing('structure-links', 'structure-links.de.md', [12, 12]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('structure-links');
  });
});
