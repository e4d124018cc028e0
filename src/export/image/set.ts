/**
 * Setting text for a card with the engine: titles and quotes in a column of fixed width
 * (balanced or pretty, see balance.ts), short labels on one line in a box as wide as the text.
 */
import type { FontStyle } from '../../fonts.js';
import type { Language } from '../../languages.js';
import type { Align, ParagraphLayout } from '../../typeset/types.js';
import type { Wrap } from './balance.js';
import { shapeParagraph } from './engine.js';
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

/** Paragraphs already shaped; a few cards' worth, so memory stays flat over many statements. */
const shaped = new Map<string, Promise<(width: number, wrap?: Wrap) => ParagraphLayout>>();
const SHAPED_SIZE = 400;

/** The auto-fit tries the same sizes for every format: most paragraphs were shaped for an earlier card. */
function shapedParagraph(o: SetOptions): Promise<(width: number, wrap?: Wrap) => ParagraphLayout> {
  const key = JSON.stringify([o.text, o.style, o.size, o.lang.tag, o.lineHeight, o.direction, o.align]);
  let lines = shaped.get(key);
  if (!lines) {
    if (shaped.size >= SHAPED_SIZE) shaped.clear();
    lines = shapeParagraph({
      runs: [{ text: o.text, style: o.style }],
      lang: o.lang,
      size: o.size,
      lineHeight: o.lineHeight,
      align: o.align ?? 'start',
      direction: o.direction,
      hyphenate: false,
    });
    shaped.set(key, lines);
  }
  return lines;
}

/**
 * Set a paragraph in lines at most `width` pixels wide, wrapped as `wrap` says (greedy when
 * not given). The block is `inset` wider than its lines on each side, so the card places it
 * that much outside the column to line the text up with it.
 */
export async function setParagraph(o: SetOptions, width: number, wrap?: Wrap): Promise<TextBlock> {
  const inset = insetFor(o.size);
  const layout = (await shapedParagraph(o))(width, wrap);
  return textBlock(o.role, o.text, o.style, layout, { width: width + 2 * inset, inset, colour: o.colour });
}

/** Set a label on one line, in a block just as wide as the line. */
export async function setLine(o: SetOptions): Promise<TextBlock> {
  const at = await shapedParagraph(o);
  const natural = Math.max(0, ...at(100_000).lines.map((l) => l.width));
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
