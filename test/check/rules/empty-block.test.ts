import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('empty-block', () => {
  it('reports an empty list item', async () => {
    await expectFailing('empty-block', 'empty-block.be.md', [15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('empty-block');
  });
});
