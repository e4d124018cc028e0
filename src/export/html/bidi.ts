/**
 * Isolation of left-to-right runs inside right-to-left text.
 *
 * The Unicode bidi algorithm orders a Latin name inside Farsi or Arabic by the neutral
 * characters around it, so brackets, dots and hyphens at its edges can land on the wrong
 * side. Wrapping each Latin or Cyrillic run (with its brackets and numbers) in
 * <bdi dir="ltr"> makes the browser lay it out as one left-to-right unit.
 *
 * Numbers and references written with digits only («§ ۲۲ (۲)», «۱۲۰۰×۶۳۰») are left to the
 * bidi algorithm: the translator typed them in reading order, RTL readers read them right to
 * left, and the PDFs and share images (set by our engine, which matches Chromium's default
 * order) show them that way too. Isolating them would show the web page in another order.
 */
import type { Element, ElementContent, Root, Parent } from 'hast';

const LETTER = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]`;
const LETTERS = LETTER.slice(1, -1);
/** A word: letters with marks, digits, apostrophes, dots and hyphens inside (A4, U.S., Post-Soviet). */
const WORD = String.raw`${LETTER}(?:[${LETTERS}\p{M}\p{Nd}'’.\-]*[${LETTERS}\p{Nd}])?\.?`;
const NUMBER = String.raw`(?:[§№#]\s?)?\p{Nd}+(?:[.,:/\-×]\p{Nd}+)*%?`;
const UNIT = `(?:${WORD}|${NUMBER})`;
const SEPARATOR = String.raw`(?:[ \u00A0]*[,/&+\-–][ \u00A0]*|[ \u00A0]+)`;
const GROUP = String.raw`(?:\(${UNIT}(?:${SEPARATOR}${UNIT})*\)|${UNIT})`;
const RUN = new RegExp(`${GROUP}(?:${SEPARATOR}${GROUP})*`, 'gu');

const HAS_LETTER = new RegExp(LETTER, 'u');

/** The Latin and Cyrillic runs of a string, with their brackets and numbers, to isolate in RTL text. */
export function ltrRuns(value: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  // Every run has a letter: most text of an RTL page has none, and the test is far cheaper than RUN.
  if (!HAS_LETTER.test(value)) return runs;
  for (const match of value.matchAll(RUN)) {
    let run = match[0];
    // A trailing full stop ends the Arabic sentence, it is not part of the Latin run.
    if (run.endsWith('.') && !/\p{Lu}\.$/u.test(run)) run = run.slice(0, -1);
    if (HAS_LETTER.test(run)) runs.push({ start: match.index, end: match.index + run.length });
  }
  return runs;
}

/** Wrap every left-to-right run of the tree's prose in <bdi dir="ltr">. */
export function isolateLtrRuns(tree: Root | Element): void {
  const walk = (node: Parent) => {
    const children: ElementContent[] = [];
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'text') children.push(...split(child.value));
      else {
        // Code is left-to-right whatever the language around it.
        if (child.type === 'element' && (child.tagName === 'code' || child.tagName === 'pre')) child.properties.dir = 'ltr';
        else if (child.type === 'element' && !skip(child)) walk(child);
        children.push(child);
      }
    }
    node.children = children;
  };
  walk(tree);
}

function skip(node: Element): boolean {
  return ['bdi', 'bdo', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'title', 'head'].includes(node.tagName) || node.properties.dir !== undefined;
}

function split(value: string): ElementContent[] {
  const runs = ltrRuns(value);
  if (runs.length === 0) return [{ type: 'text', value }];
  const out: ElementContent[] = [];
  let at = 0;
  for (const { start, end } of runs) {
    if (start > at) out.push({ type: 'text', value: value.slice(at, start) });
    out.push({ type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: value.slice(start, end) }] });
    at = end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}
