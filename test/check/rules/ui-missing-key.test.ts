import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('ui-missing-key', () => {
  it('reports a UI string left out', async () => {
    await expectFailing('ui-missing-key', 'ui-missing-key.ru.json', [13]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('ui-missing-key');
  });
});
