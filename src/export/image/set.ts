/**
 * Setting text for a card: the engine lays out a paragraph, and the result becomes a text
 * block (an SVG of our glyphs). Titles and quotes are set in a box of fixed width; short
 * labels are set on one line in a box as wide as the text.
 */
import type { FontStyle } from '../../fonts.js';
import type { Language } from '../../languages.js';
import type { Align } from '../../typeset/types.js';
import { layoutParagraph } from './engine.js';
import { textBlock, type TextBlock } from './text.js';

export interface SetOptions {
  role: string;
  text: string;
  style: FontStyle;
  size: number;
  lang: Language;
  lineHeight: number;
  colour: string;
  /** Defaults to the language's direction; the web address is always left to right. */
  direction?: 'ltr' | 'rtl';
  align?: Align;
}

/** Room on each side for side bearings that reach out of the line box (italics, Naskh tails). */
function insetFor(size: number): number {
  return Math.ceil(size * 0.1);
}

/**
 * Set a paragraph whose lines are `width` pixels wide. The block is `inset` wider on each
 * side, so the card places it that much outside the column to line the text up with it.
 */
export function setParagraph(o: SetOptions, width: number): Promise<TextBlock> {
  // The auto-fit tries the same sizes for every format, and the three 1080 px wide formats
  // share one column width: most paragraphs were already set for an earlier card.
  const key = JSON.stringify([o.role, o.text, o.style, o.size, o.lang.tag, o.lineHeight, o.colour, o.direction, o.align, width]);
  let block = memo.get(key);
  if (!block) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    block = set(o, width);
    memo.set(key, block);
  }
  return block;
}

/** Paragraphs already set; a few cards' worth, so memory stays flat over many statements. */
const memo = new Map<string, Promise<TextBlock>>();
const MEMO_SIZE = 400;

async function set(o: SetOptions, width: number): Promise<TextBlock> {
  const inset = insetFor(o.size);
  const layout = await layoutParagraph({
    runs: [{ text: o.text, style: o.style }],
    lang: o.lang,
    size: o.size,
    width,
    lineHeight: o.lineHeight,
    align: o.align ?? 'start',
    direction: o.direction,
    hyphenate: false,
  });
  return textBlock(o.role, o.text, o.style, layout, { width: width + 2 * inset, inset, colour: o.colour });
}

/** Set a label on one line, in a block just as wide as the line. */
export async function setLine(o: SetOptions): Promise<TextBlock> {
  const probe = await setParagraph(o, 100_000);
  const natural = Math.max(0, ...probe.layout.lines.map((l) => l.width));
  return setParagraph(o, Math.ceil(natural) + 1);
}

/** The block's ink stays inside its width, and no line is wider than the box. */
export function fitsWidth(block: TextBlock): boolean {
  const lineBox = block.width - 2 * block.inset;
  return (
    block.inkBounds.left >= 0 &&
    block.inkBounds.right <= block.width &&
    block.layout.lines.every((l) => l.width <= lineBox + 0.01)
  );
}
