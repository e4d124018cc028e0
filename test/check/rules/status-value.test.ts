import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('status-value', () => {
  it('reports an unknown status', async () => {
    await expectFailing('status-value', 'status-value.be.md', [6]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('status-value');
  });
});
