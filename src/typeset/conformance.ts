/**
 * Runners for Unicode's conformance files through the engine's own layers (used by the tests
 * and handy from a REPL): BidiCharacterTest.txt through bidi.ts (levels, L1, L2) and
 * LineBreakTest.txt through linebreak.ts.
 */
import fs from 'node:fs';
import { embeddingLevels, resetTrailing, visualOrder } from './bidi.js';
import { uax14Breaks } from './linebreak.js';

export interface ConformanceResult {
  total: number;
  passed: number;
  /** Line numbers (1-based) in the file of the cases that failed. */
  failures: number[];
}

/** Run BidiCharacterTest.txt: resolved paragraph level, levels and visual order per case. */
export function runBidiCharacterTest(file: string): ConformanceResult {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const result: ConformanceResult = { total: 0, passed: 0, failures: [] };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [cps, dirField, levelField, levelsField, orderField] = line.split(';');
    result.total++;
    if (checkBidiCase(cps!, Number(dirField), Number(levelField), levelsField!, orderField!)) result.passed++;
    else result.failures.push(i + 1);
  });
  return result;
}

function checkBidiCase(cps: string, dir: number, paraLevel: number, levelsField: string, orderField: string): boolean {
  const codePoints = cps.trim().split(/\s+/).map((h) => parseInt(h, 16));
  let text = '';
  const unitOf: number[] = [];
  for (const cp of codePoints) {
    unitOf.push(text.length);
    text += String.fromCodePoint(cp);
  }
  const direction = dir === 0 ? 'ltr' : dir === 1 ? 'rtl' : 'auto';
  const { levels, paragraphs } = embeddingLevels(text, direction);
  if ((paragraphs[0]?.level ?? 0) !== paraLevel) return false;
  const lv = Uint8Array.from(levels);
  resetTrailing(text, lv, 0, text.length, paraLevel);
  const expected = levelsField.trim().split(/\s+/);
  const kept: number[] = [];
  for (let k = 0; k < codePoints.length; k++) {
    if (expected[k] === 'x') continue;
    if (lv[unitOf[k]!] !== Number(expected[k])) return false;
    kept.push(k);
  }
  const order = visualOrder(kept.map((k) => lv[unitOf[k]!]!)).map((j) => kept[j]!);
  const expectedOrder = orderField.trim() === '' ? [] : orderField.trim().split(/\s+/).map(Number);
  return order.length === expectedOrder.length && order.every((v, j) => v === expectedOrder[j]);
}

/** Run LineBreakTest.txt: the break opportunities between every pair of characters. */
export function runLineBreakTest(file: string): ConformanceResult {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const result: ConformanceResult = { total: 0, passed: 0, failures: [] };
  lines.forEach((raw, i) => {
    const line = raw.split('#')[0]!.trim();
    if (!line) return;
    result.total++;
    const tokens = line.split(/\s+/);
    let text = '';
    const expected: number[] = [];
    for (const tok of tokens) {
      if (tok === '÷') expected.push(text.length);
      else if (tok !== '×') text += String.fromCodePoint(parseInt(tok, 16));
    }
    // The file marks a break before the first character never and at the end always;
    // compare the breaks after the first character.
    const got = uax14Breaks(text).map((b) => b.position);
    const want = expected.filter((p) => p > 0);
    if (got.length === want.length && got.every((v, j) => v === want[j])) result.passed++;
    else result.failures.push(i + 1);
  });
  return result;
}
