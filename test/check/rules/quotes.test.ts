import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('quotes', () => {
  it('reports straight quotation marks in German', async () => {
    await expectFailing('quotes', 'quotes.de.md', [12, 12]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('quotes');
  });
});
