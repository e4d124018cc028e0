import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('double-space', () => {
  it('reports two spaces between words', async () => {
    await expectFailing('double-space', 'double-space.ru.md', [15]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('double-space');
  });
});
