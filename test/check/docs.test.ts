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

  it('every rule has its own test file', () => {
    // posts-fit's test lives beside the others' (test/check/posts-fit.test.ts).
    const has = (file: string) => fs.existsSync(path.resolve(import.meta.dirname, file));
    for (const rule of RULES) expect(has(`rules/${rule.id}.test.ts`) || has(`${rule.id}.test.ts`), rule.id).toBe(true);
  });
});
