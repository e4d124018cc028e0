import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER_RULES, RULES } from '../../src/check/index.js';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../TRANSLATING.md'), 'utf8');

describe('TRANSLATING.md', () => {
  it('explains every rule with its severity', () => {
    for (const rule of [...RULES, ...LOADER_RULES]) {
      expect(doc, rule.id).toMatch(new RegExp(`\\| \`${rule.id}\` \\| ${rule.severity} \\|`));
    }
  });
});
