import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('source-fingerprint', () => {
  it('reports a translation that was never stamped', async () => {
    await expectFailing('source-fingerprint', 'source-fingerprint.de.md', [1]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('source-fingerprint');
  });
});
