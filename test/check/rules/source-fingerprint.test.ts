import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('source-fingerprint', () => {
  it('reports a damaged `source:` line', async () => {
    await expectFailing('source-fingerprint', 'source-fingerprint.de.md', [7]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('source-fingerprint');
  });
});
