import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/check/numbers.js';

const values = (text: string) => findNumbers(text).map((n) => n.value);

describe('numbers across locales', () => {
  it('reads grouped thousands the same in every locale and digit system', () => {
    for (const text of ['3,000', '3.000', '3 000', '3\u00A0000', '3\u202F000', '۳٬۰۰۰', '٣٬٠٠٠', '3000', '۳۰۰۰']) {
      expect(values(text), text).toEqual(['3000']);
    }
    expect(values('۲۲')).toEqual(['22']);
    expect(values('12 345 678')).toEqual(['12345678']);
  });

  it('keeps § 22 (2) and § 22 Abs. 2 as the numbers 22 and 2', () => {
    expect(values('§ 22 (2)')).toEqual(['22', '2']);
    expect(values('§ 22 Abs. 2')).toEqual(['22', '2']);
    expect(values('§ ۲۲ (۲)')).toEqual(['22', '2']);
  });

  it('does not join numbers that a space merely separates', () => {
    expect(values('in 2024 100 people')).toEqual(['2024', '100']);
    expect(values('22 2')).toEqual(['22', '2']);
    expect(values('2026-11-24')).toEqual(['2026', '11', '24']);
  });

  it('knows which digit systems a number mixes', () => {
    expect([...findNumbers('۲2')[0].systems].sort()).toEqual(['arabext', 'latn']);
    expect([...findNumbers('٣٬٠٠٠')[0].systems]).toEqual(['arab']);
  });
});
