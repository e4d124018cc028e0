import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('zwnj-prefix', () => {
  it('reports می with a space and نمی with nothing before the verb', async () => {
    await expectFailing('zwnj-prefix', 'zwnj-prefix.fa.md', [15, 15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('zwnj-prefix');
  });
});
