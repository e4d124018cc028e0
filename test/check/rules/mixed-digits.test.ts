import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('mixed-digits', () => {
  it('reports a number with Persian and Western digits', async () => {
    await expectFailing('mixed-digits', 'mixed-digits.fa.md', [10]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('mixed-digits');
  });
});
