import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('ui-extra-key', () => {
  it('reports a misspelt key and a plural form German does not have', async () => {
    await expectFailing('ui-extra-key', 'ui-extra-key.de.json', [14, 33]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('ui-extra-key');
  });
});
