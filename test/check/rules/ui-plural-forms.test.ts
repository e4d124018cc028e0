import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('ui-plural-forms', () => {
  it('reports an Arabic plural form left out', async () => {
    await expectFailing('ui-plural-forms', 'ui-plural-forms.ar.json', [33]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('ui-plural-forms');
  });
});
