import { expect, it } from 'vitest';
import { stylesheet } from '../../src/export/html/styles.js';

it('the stylesheet uses logical properties only, so RTL pages need none of their own', () => {
  const css = stylesheet('', '');
  const physical = css.match(/(?:^|[;{\s])((?:margin|padding|border|inset)-(?:left|right|top|bottom)[\w-]*|left|right|top|bottom|float|clear)\s*:[^;}]*/gm) ?? [];
  expect(physical).toEqual([]);
  expect(css).not.toMatch(/text-align\s*:\s*(left|right)/);
  expect(css).not.toMatch(/\b(left|right)\b/);
  // Dark mode, print, and the longer line height of Arabic script are there.
  expect(css).toMatch(/@media \(prefers-color-scheme:dark\)/);
  expect(css).toMatch(/@media print/);
  expect(css).toMatch(/:root\[data-script="Arab"\]\{[^}]*--leading:1\.9/);
  // Nothing is fetched from elsewhere.
  expect(css).not.toMatch(/url\(|@import/);
});
