import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('ui-variables', () => {
  it('reports a translated placeholder name', async () => {
    await expectFailing('ui-variables', 'ui-variables.fa.json', [27, 27]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('ui-variables');
  });
});
