import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('structure-blocks', () => {
  it('reports a level-3 heading for a level-2 one and a paragraph split in two', async () => {
    await expectFailing('structure-blocks', 'structure-blocks.ru.md', [10, 19]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('structure-blocks');
  });
});
