import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('wrong-script', () => {
  it('reports a Latin list item in the Farsi file', async () => {
    await expectFailing('wrong-script', 'wrong-script.fa.md', [15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('wrong-script');
  });
});
