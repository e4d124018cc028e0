import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('persian-arabic-letters', () => {
  it('reports Arabic ك and ي in a Farsi word', async () => {
    await expectFailing('persian-arabic-letters', 'persian-arabic-letters.fa.md', [17, 17]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('persian-arabic-letters');
  });
});
