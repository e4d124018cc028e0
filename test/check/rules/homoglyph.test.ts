import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('homoglyph', () => {
  it('reports a Latin p in a Cyrillic word', async () => {
    await expectFailing('homoglyph', 'homoglyph.ru.md', [17]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('homoglyph');
  });
});
