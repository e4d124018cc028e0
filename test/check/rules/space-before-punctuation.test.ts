import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('space-before-punctuation', () => {
  it('reports a space before a comma', async () => {
    await expectFailing('space-before-punctuation', 'space-before-punctuation.be.md', [12]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('space-before-punctuation');
  });
});
