import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('russian-letters', () => {
  it('reports Belarusian і in a Russian word', async () => {
    await expectFailing('russian-letters', 'russian-letters.ru.md', [15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('russian-letters');
  });
});
