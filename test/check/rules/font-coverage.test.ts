import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('font-coverage', () => {
  it('reports a character PT Serif does not have', async () => {
    await expectFailing('font-coverage', 'font-coverage.ru.md', [17]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('font-coverage');
  });
});
