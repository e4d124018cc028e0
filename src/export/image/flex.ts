/**
 * The card as boxes for satori: a flexbox column of header row, red rule, body and footer
 * row, mirrored for right-to-left languages. Every box of text is an `<img>` of the block's
 * size; satori never gets a string. After layout, where satori put each block is read back
 * from its SVG, and the block's own SVG is put in that place.
 */
import type satoriFunction from 'satori';
import { noMemo, type Memo } from '../../memo.js';
import { createRequire } from 'node:module';
import { SITE } from '../../config.js';
import type { CardFormat } from './formats.js';
import type { TextBlock } from './text.js';
import type { FillRect } from './raster.js';

export interface CardBoxes {
  header: [TextBlock, TextBlock];
  footer: [TextBlock, TextBlock];
  title: TextBlock;
  quote?: TextBlock;
  rule: { width: number; height: number };
  gaps: { headerToRule: number; ruleToBody: number; titleToQuote: number; bodyToFooter: number };
}

export interface PlacedBlock {
  block: TextBlock;
  /** Where satori put the block's box on the canvas. */
  x: number;
  y: number;
  width: number;
  height: number;
}

type Style = Record<string, unknown>;
interface Node {
  type: string;
  props: { style?: Style; children?: Node[]; [key: string]: unknown };
}

/** The element tree: a column filling the canvas, padded to the format's content box. */
export function cardTree(format: CardFormat, rtl: boolean, boxes: CardBoxes): Node {
  const c = format.content;
  const { colours } = SITE;
  const img = (block: TextBlock, style: Style = {}): Node => ({
    type: 'img',
    props: { src: placeholder(block), width: block.width, height: block.height, style: { flexShrink: 0, ...style } },
  });
  // Blocks reach `inset` beyond their line box on both sides: pull them out by as much, so
  // the lines of text, not the blocks, line up with the column and the rule.
  const column = (block: TextBlock, style: Style = {}) => img(block, { marginLeft: -block.inset, marginRight: -block.inset, ...style });
  const edge = (block: TextBlock, side: 'start' | 'end') =>
    img(block, { [(side === 'start') !== rtl ? 'marginLeft' : 'marginRight']: -block.inset });
  const row = ([start, end]: [TextBlock, TextBlock]): Node => ({
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: rtl ? 'row-reverse' : 'row', justifyContent: 'space-between', alignItems: 'flex-end', width: c.width, flexShrink: 0 },
      children: [edge(start, 'start'), edge(end, 'end')],
    },
  });
  const rule: Node = {
    type: 'div',
    props: {
      style: {
        width: boxes.rule.width,
        height: boxes.rule.height,
        flexShrink: 0,
        backgroundColor: colours.accent,
        marginTop: boxes.gaps.headerToRule,
        marginBottom: boxes.gaps.ruleToBody,
        alignSelf: rtl ? 'flex-end' : 'flex-start',
      },
    },
  };
  const body: Node = {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', marginBottom: boxes.gaps.bodyToFooter },
      children: [column(boxes.title), ...(boxes.quote ? [column(boxes.quote, { marginTop: boxes.gaps.titleToQuote })] : [])],
    },
  };
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        flexDirection: 'column',
        // satori's default is content-box: the padding would widen the canvas.
        boxSizing: 'border-box',
        width: format.width,
        height: format.height,
        backgroundColor: colours.paper,
        paddingTop: c.y,
        paddingBottom: format.height - c.y - c.height,
        paddingLeft: c.x,
        paddingRight: format.width - c.x - c.width,
      },
      children: [row(boxes.header), rule, body, row(boxes.footer)],
    },
  };
}

/**
 * Lay the tree out with satori: an SVG of the whole card. The tree holds only the blocks'
 * sizes, so the layout is kept between builds (see memo.ts): after an edit that leaves every
 * block its number of lines, as most corrections to a title do, satori is not even loaded.
 * Loading it is most of the 0.26 s a thread takes to load the image code.
 */
export async function layoutTree(tree: Node, format: CardFormat, memo: Memo = noMemo): Promise<string> {
  const key = `satori layout\0${format.width}x${format.height}\0${JSON.stringify(tree)}`;
  const svg = await memo(key, async () => new TextEncoder().encode(await satoriLayout(tree, format)));
  return new TextDecoder().decode(svg);
}

async function satoriLayout(tree: Node, format: CardFormat): Promise<string> {
  const satori = (createRequire(import.meta.url)('satori') as { default: typeof satoriFunction }).default;
  // No fonts: satori draws no text here. Given one, it parsed it and measured its digit zero
  // for every box (the CSS `ch` unit), 40–45 ms of each thread's first layout.
  const svg = await satori(tree as Parameters<typeof satori>[0], { width: format.width, height: format.height, fonts: [] });
  return withoutOverflowMasks(svg);
}

/**
 * satori masks every element with a white rectangle of the element's own box (its overflow
 * mask), and clips each image to its own box. Here they mask and clip nothing (no box
 * overflows; a block's own SVG viewport clips it anyway): removed, the SVG holds only what the
 * raster draws, rectangles and text blocks (layoutRects checks), and an SVG renderer is spared
 * them (librsvg, which the tests render the SVG with, drew each mask offscreen: 3 to 8 times
 * slower, with the same pixels on every language and size).
 */
function withoutOverflowMasks(svg: string): string {
  return svg
    .replace(/ mask="url\(#satori_om-[^)]*\)"/g, '')
    .replace(/<mask id="satori_om-[^"]*">.*?<\/mask>/g, '')
    .replace(/ clip-path="url\(#satori_cp-[^)]*\)"/g, '')
    .replace(/<clipPath id="satori_cp-[^"]*"><rect[^>]*\/><\/clipPath>/g, '');
}

/**
 * What satori gets as the image of a block: an empty SVG naming the block's role (unique on a
 * card). Satori copies it into its output, where placements() finds it; giving satori the
 * block's real SVG would only make it copy tens of kilobytes of base64.
 */
function placeholder(block: TextBlock): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${block.width}" height="${block.height}"><title>${block.role}</title></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const IMAGE = /<image x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" href="([^"]+)"[^>]*\/>/g;

/**
 * The rectangles satori drew (the paper and the red rule), in drawing order. Satori's SVG for
 * this card holds only rectangles and images; anything else would be drawn by nobody, so it
 * stops the build instead.
 */
export function layoutRects(svg: string): FillRect[] {
  for (const [, tag] of svg.matchAll(/<(\w+)/g)) {
    if (tag !== 'svg' && tag !== 'rect' && tag !== 'image') throw new Error(`satori drew a <${tag}> on the share card; only rectangles and text blocks are drawn.`);
  }
  return [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-fA-F]{6})"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5]!,
  }));
}

/** Read back where satori placed each text block. */
export function placements(svg: string, blocks: TextBlock[]): PlacedBlock[] {
  const images = [...svg.matchAll(IMAGE)];
  return blocks.map((block) => {
    const found = images.find((m) => m[5] === placeholder(block));
    if (!found) throw new Error(`satori did not place the ${block.role} block.`);
    return { block, x: Number(found[1]), y: Number(found[2]), width: Number(found[3]), height: Number(found[4]) };
  });
}

/**
 * The card's SVG (for the tests and for debugging; the raster is drawn from the blocks) with
 * every placeholder replaced by its block's SVG, nested in place. Nested, not as an image:
 * librsvg renders an `<image>` offscreen and composites it, twice the CPU of drawing the paths
 * in place. Each block numbers its glyph outlines from g0, so the ids get the block's place on
 * the card as a prefix.
 */
export function inlineBlocks(svg: string, placed: PlacedBlock[]): string {
  const index = new Map(placed.map((p, i) => [placeholder(p.block), i]));
  return svg.replace(IMAGE, (image, x: string, y: string, _w, _h, href: string) => {
    const i = index.get(href);
    if (i === undefined) return image;
    return placed[i]!.block.svg
      .replace(/^<svg /, `<svg x="${x}" y="${y}" `)
      .replace(/ id="g/g, ` id="b${i}g`)
      .replace(/ href="#g/g, ` href="#b${i}g`);
  });
}
