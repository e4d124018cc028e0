import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('quote-in-body', () => {
  it('reports a quote that is not in the text', async () => {
    await expectFailing('quote-in-body', 'quote-in-body.ru.md', [5]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('quote-in-body');
  });
});
