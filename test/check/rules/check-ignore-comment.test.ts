import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('check-ignore-comment', () => {
  it('reports a comment without a reason and one naming an unknown rule', async () => {
    await expectFailing('check-ignore-comment', 'check-ignore-comment.ru.md', [10, 18]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('check-ignore-comment');
  });
});
