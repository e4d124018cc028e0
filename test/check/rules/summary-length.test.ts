import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('summary-length', () => {
  it('reports a summary over 200 characters', async () => {
    await expectFailing('summary-length', 'summary-length.de.md', [3]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('summary-length');
  });
});
