import { describe, it } from 'vitest';
import { expectFailing, expectPassing } from '../helpers.js';

describe('todo-marker', () => {
  it('reports a TODO left in a list item', async () => {
    await expectFailing('todo-marker', 'todo-marker.ru.md', [14]);
  });

  it('accepts the good translations in every language', async () => {
    await expectPassing('todo-marker');
  });
});
