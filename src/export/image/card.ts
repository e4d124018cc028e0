/**
 * The card design: a typographic poster on paper. Organisation name and language at the top,
 * one red rule, the bold title, the quote, an optional note, and the date and web address at
 * the bottom; the whole layout mirrors for right-to-left languages.
 *
 * The card is laid out here with a little arithmetic, into a frame of positioned glyphs (the
 * frame type of the PDF pages). Title and quote are auto-fitted together: the largest title
 * size (the quote keeps its proportion to it) at which both fit the space between header and
 * footer, where they are centred.
 */
import { SITE } from '../../config.js';
import type { Language } from '../../languages.js';
import type { Frame, FrameItem, Tag } from '../../layout/frame.js';
import { colour } from '../../layout/style.js';
import type { CardFormat } from './formats.js';
import { largestFitting } from './fit.js';
import { fitsWidth, setLine, setParagraph, type SetOptions } from './set.js';
import { frameSvg, glyphOutlines, type GlyphOutlines } from './svg.js';
import type { TextBlock } from './text.js';
import { bindShortWords } from './typography.js';

export interface CardText {
  lang: Language;
  organisation: string;
  title: string;
  /** The quote (or the summary), without quotation marks: the card adds the language's. */
  quote: string;
  date: string;
  url: string;
  /** The language's own name. */
  language: string;
  /** One small line above the footer, e.g. who signed and when. */
  note?: string;
}

/** Where the card's text comes from, for the message when it does not fit. */
export interface CardSource {
  slug: string;
  /** Repository path of the document, e.g. translations/ar/humanitarian-visas.md. */
  path: string;
  /** The front matter field the quote came from. */
  field: 'quote' | 'summary';
}

export class ShareImageFitError extends Error {
  constructor(
    message: string,
    readonly slug: string,
    readonly lang: string,
    readonly image: string,
  ) {
    super(message);
    this.name = 'ShareImageFitError';
  }
}

/** A block of text and where the card put it. */
export interface PlacedBlock {
  block: TextBlock;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Card {
  format: CardFormat;
  /** What is drawn: the paper, the rule and every line of glyphs, in pixels. */
  frame: Frame;
  /** The whole card as SVG, glyph outlines as paths: what the PNG shows. */
  readonly svg: string;
  blocks: PlacedBlock[];
  titleSize: number;
  quoteSize: number;
}

/** Type sizes in pixels for a content box whose shorter side is 550 px; `CardFormat.unit` scales them. */
const TYPE = {
  label: 21,
  footer: 19,
  title: { min: 30, max: 60 },
  quote: { min: 24, max: 46, ratio: 0.72 },
  rule: { length: 110, thickness: 7 },
};

function lineHeights(lang: Language) {
  // Naskh and Vazirmatn need more room between lines for marks and descending tails.
  return lang.script === 'Arab' ? { title: 1.5, quote: 1.6 } : { title: 1.12, quote: 1.28 };
}

interface Body {
  title: TextBlock;
  /** None when the statement has neither quote nor summary. */
  quote?: TextBlock;
  gap: number;
  titleSize: number;
  quoteSize: number;
}

function quoteSizeFor(titleSize: number, unit: number): number {
  const q = TYPE.quote;
  return Math.min(Math.round(q.max * unit), Math.max(Math.round(q.min * unit), Math.round(titleSize * q.ratio)));
}

/** Title and quote at one title size, or undefined when they do not fit `width` × `height`. */
async function setBody(text: CardText, quote: string, titleSize: number, width: number, height: number, unit: number): Promise<Body | undefined> {
  const { colours } = SITE;
  const lh = lineHeights(text.lang);
  const title = await setParagraph(
    { role: 'title', text: bindShortWords(text.title, text.lang), style: 'bold', size: titleSize, lang: text.lang, lineHeight: lh.title, colour: colours.ink },
    width,
    'balance',
  );
  if (!fitsWidth(title) || title.height > height) return undefined;
  const quoteSize = quoteSizeFor(titleSize, unit);
  if (quote.trim() === '') return { title, gap: 0, titleSize, quoteSize };
  const { open, close } = text.lang.quotes;
  const quoteBlock = await setParagraph(
    { role: 'quote', text: bindShortWords(`${open}${quote}${close}`, text.lang), style: 'italic', size: quoteSize, lang: text.lang, lineHeight: lh.quote, colour: colours.ink },
    width,
    'pretty',
  );
  const gap = Math.round(quoteSize * 0.9);
  if (!fitsWidth(quoteBlock) || title.height + gap + quoteBlock.height > height) return undefined;
  return { title, quote: quoteBlock, gap, titleSize, quoteSize };
}

/** Lay out one card. Throws ShareImageFitError when title and quote cannot fit. */
export async function composeCard(text: CardText, format: CardFormat, source: CardSource): Promise<Card> {
  const { colours } = SITE;
  const u = format.unit;
  const c = format.content;
  const fitError = (what: string, fix: string) =>
    new ShareImageFitError(
      `The ${what} of ${text.lang.englishName} (${text.lang.tag}) ${what.includes(' and ') ? 'are too long to share a line' : 'is too long for one line'} on the share image ${format.file}. ${fix}`,
      source.slug, text.lang.tag, format.file,
    );

  // Labels on a line, shrunk (to 70 % at most) when they would not fit the column.
  const fitLine = async (size: number, labels: SetOptions[], fail: () => Error) => {
    const gaps = (labels.length - 1) * 20 * u;
    const at = async (s: number) => {
      const set = await Promise.all(labels.map((l) => setLine({ ...l, size: s })));
      return set.reduce((sum, b) => sum + b.width, 0) <= c.width - gaps ? set : undefined;
    };
    // Usually they fit at full size: try that first and skip the search (a line only gets
    // wider with the size, so the search would end there too).
    const fitted = (await at(size)) ?? (await largestFitting(size * 0.7, size, at))?.value;
    if (!fitted) throw fail();
    return fitted;
  };
  const label = { lang: text.lang, lineHeight: 1.2, size: 0 };
  const [organisation, language] = await fitLine(
    Math.round(TYPE.label * u),
    [
      { ...label, role: 'organisation', text: text.organisation, style: 'bold', colour: colours.ink },
      { ...label, role: 'language', text: text.language, style: 'regular', colour: colours.muted },
    ],
    () => fitError('organisation name and language name', `Shorten “site.name” in translations/${text.lang.tag}/ui.json.`),
  );
  const [date, url] = await fitLine(
    Math.round(TYPE.footer * u),
    [
      { ...label, role: 'date', text: text.date, style: 'regular', colour: colours.muted },
      { ...label, role: 'url', text: text.url, style: 'regular', colour: colours.muted, direction: 'ltr' },
    ],
    () => fitError('date and web address', 'Shorten the short web address (SITE.shortUrl in src/config.ts).'),
  );
  const note = text.note?.trim()
    ? (await fitLine(
        Math.round(TYPE.footer * u),
        [{ ...label, role: 'note', text: text.note.trim(), style: 'regular', colour: colours.muted }],
        () => fitError('note line', 'Shorten the note.'),
      ))[0]
    : undefined;

  const rule = { width: Math.round(TYPE.rule.length * u), height: Math.round(TYPE.rule.thickness * u) };
  const gaps = { headerToRule: Math.round(16 * u), ruleToBody: Math.round(30 * u), bodyToFooter: Math.round(26 * u), noteToFooter: Math.round(12 * u) };
  const headerHeight = Math.max(organisation.height, language.height);
  const footerHeight = Math.max(date.height, url.height);
  const noteHeight = note ? note.height + gaps.noteToFooter : 0;
  const bodyTop = c.y + headerHeight + gaps.headerToRule + rule.height + gaps.ruleToBody;
  const bodyHeight = c.y + c.height - footerHeight - noteHeight - gaps.bodyToFooter - bodyTop;

  const range = { min: TYPE.title.min * u, max: TYPE.title.max * u };
  const fitted = await largestFitting(range.min, range.max, (size) => setBody(text, text.quote, size, c.width, bodyHeight, u));
  if (!fitted) throw await quoteFitError(text, format, source, c.width, bodyHeight);
  const body = fitted.value;

  // Each block's lines start at the column's start edge (the right one in RTL); blocks reach
  // `inset` beyond their lines, bottoms of a row's labels line up.
  const rtl = text.lang.dir === 'rtl';
  const atStart = (b: TextBlock) => (rtl ? c.x + c.width + b.inset - b.width : c.x - b.inset);
  const atEnd = (b: TextBlock) => (rtl ? c.x - b.inset : c.x + c.width + b.inset - b.width);
  const place = (block: TextBlock, x: number, y: number): PlacedBlock => ({ block, x, y: Math.round(y), width: block.width, height: block.height });
  const footerBottom = c.y + c.height;
  const bodyBlocks = body.title.height + (body.quote ? body.gap + body.quote.height : 0);
  const titleY = Math.round(bodyTop + (bodyHeight - bodyBlocks) / 2);
  const blocks = [
    place(organisation, atStart(organisation), c.y + headerHeight - organisation.height),
    place(language, atEnd(language), c.y + headerHeight - language.height),
    place(body.title, atStart(body.title), titleY),
    ...(body.quote ? [place(body.quote, atStart(body.quote), titleY + body.title.height + body.gap)] : []),
    ...(note ? [place(note, atStart(note), footerBottom - footerHeight - gaps.noteToFooter - note.height)] : []),
    place(date, atStart(date), footerBottom - date.height),
    place(url, atEnd(url), footerBottom - url.height),
  ];
  const ruleBox = { x: rtl ? c.x + c.width - rule.width : c.x, y: c.y + headerHeight + gaps.headerToRule, ...rule };
  const frame = cardFrame(format, ruleBox, blocks);
  const outlines = await glyphOutlines(blocks.flatMap((p) => [...p.block.fonts]));
  let svg: string | undefined;
  return {
    format,
    frame,
    get svg() {
      return (svg ??= frameSvg(frame, outlines));
    },
    blocks,
    titleSize: body.titleSize,
    quoteSize: body.quoteSize,
  };
}

/** The card has no logical structure to tag: all of it is one picture. */
const PICTURE: Tag = { artifact: 'Layout' };

/** Paper, rule and the blocks' lines, in the order they are drawn. */
function cardFrame(format: CardFormat, rule: { x: number; y: number; width: number; height: number }, blocks: PlacedBlock[]): Frame {
  const { colours } = SITE;
  const items: FrameItem[] = [
    { kind: 'box', x: 0, y: 0, width: format.width, height: format.height, colour: colour(colours.paper), tag: PICTURE },
    { kind: 'box', ...rule, colour: colour(colours.accent), tag: PICTURE },
  ];
  for (const { block, x, y } of blocks) {
    for (const line of block.layout.lines) {
      items.push({
        kind: 'glyphs',
        x: x + block.inset,
        // Baselines on whole pixels, as browsers place them: the long horizontal strokes of
        // Arabic script and the serifs of Latin stay crisp instead of smeared over two rows.
        baseline: y + block.top + Math.round(line.baseline),
        glyphs: line.glyphs,
        colour: colour(block.colour),
        direction: block.layout.direction,
        tags: [{ from: 0, tag: PICTURE }],
      });
    }
  }
  return { width: format.width, height: format.height, items };
}

/** The message when the quote cannot fit: how long a quote would fit, found by trying shorter ones. */
async function quoteFitError(text: CardText, format: CardFormat, source: CardSource, width: number, height: number): Promise<ShareImageFitError> {
  const u = format.unit;
  const minTitle = Math.ceil(TYPE.title.min * u);
  const words = text.quote.split(' ');
  const fitsWith = async (n: number) => (await setBody(text, words.slice(0, n).join(' '), minTitle, width, height, u)) !== undefined;
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (await fitsWith(mid)) lo = mid;
    else hi = mid - 1;
  }
  const where = `the statement “${source.slug}” in ${text.lang.englishName} (${text.lang.tag})`;
  const image = `the share image ${format.file}`;
  const smallest = `${minTitle} px title, ${quoteSizeFor(minTitle, u)} px quote`;
  let message: string;
  if (lo === 0 && !(await fitsWith(0))) {
    message = `The title of ${where} is too long for ${image}, even at the smallest type size (${smallest}). Shorten the title in ${source.path}.`;
  } else {
    const chars = words.slice(0, lo).join(' ').length;
    message =
      source.field === 'quote'
        ? `The quote of ${where} does not fit ${image}, even at the smallest type size (${smallest}). ` +
          `Shorten the “quote” field in ${source.path} to about ${chars} characters or fewer (it has ${text.quote.length}).`
        : `The share images of ${where} show its summary, because it has no “quote”, and the summary does not fit ${image}, ` +
          `even at the smallest type size (${smallest}). Add a shorter “quote” field to the front matter of ${source.path}: ` +
          `about ${chars} characters or fewer.`;
  }
  return new ShareImageFitError(message, source.slug, text.lang.tag, format.file);
}
