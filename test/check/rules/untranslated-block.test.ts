import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('untranslated-block', () => {
  it('reports a list item left in English', async () => {
    await expectFailing('untranslated-block', 'untranslated-block.de.md', [15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('untranslated-block');
  });
});
