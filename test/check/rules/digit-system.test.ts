import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('digit-system', () => {
  it('reports Arabic-Indic digits in Dari', async () => {
    await expectFailing('digit-system', 'digit-system.fa-AF.md', [10]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('digit-system');
  });
});
