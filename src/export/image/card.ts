/**
 * The card design: a typographic poster on paper. Organisation name and language at the top,
 * one red rule, the bold title, the quote, and the date and web address at the bottom; the
 * whole layout mirrors for right-to-left languages.
 *
 * Every piece of text is a text block (our glyphs as SVG); satori only arranges the boxes
 * with flexbox and is never given a string. Title and quote are auto-fitted together: the
 * largest title size (the quote keeps its proportion to it) at which both fit the space
 * between header and footer.
 */
import { noMemo, type Memo } from '../../memo.js';
import { SITE } from '../../config.js';
import type { Language } from '../../languages.js';
import { cardTree, inlineBlocks, layoutRects, layoutTree, placements, type CardBoxes, type PlacedBlock } from './flex.js';
import type { FillRect } from './raster.js';
import type { CardFormat } from './formats.js';
import { largestFitting } from './fit.js';
import { fitsWidth, setLine, setParagraph, type SetOptions } from './set.js';
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

export type { PlacedBlock };

export interface Card {
  format: CardFormat;
  /** The whole card as SVG (what the raster shows; the tests render it with librsvg to compare). */
  svg: string;
  /** Satori's rectangles, drawn before the text. */
  rects: FillRect[];
  blocks: PlacedBlock[];
  titleSize: number;
  quoteSize: number;
}

/** Type sizes in pixels for a 550 px wide content box; `CardFormat.unit` scales them. */
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
  );
  if (!fitsWidth(title) || title.height > height) return undefined;
  const quoteSize = quoteSizeFor(titleSize, unit);
  if (quote.trim() === '') return { title, gap: 0, titleSize, quoteSize };
  const { open, close } = text.lang.quotes;
  const quoteBlock = await setParagraph(
    { role: 'quote', text: bindShortWords(`${open}${quote}${close}`, text.lang), style: 'italic', size: quoteSize, lang: text.lang, lineHeight: lh.quote, colour: colours.ink },
    width,
  );
  const gap = Math.round(quoteSize * 0.9);
  if (!fitsWidth(quoteBlock) || title.height + gap + quoteBlock.height > height) return undefined;
  return { title, quote: quoteBlock, gap, titleSize, quoteSize };
}

/** Lay out one card. Throws ShareImageFitError when title and quote cannot fit. */
export async function composeCard(text: CardText, format: CardFormat, source: CardSource, memo: Memo = noMemo): Promise<Card> {
  const { colours } = SITE;
  const u = format.unit;
  const c = format.content;
  const rtl = text.lang.dir === 'rtl';

  // Header and footer: two labels on a line each, shrunk (to 70 % at most) when they would meet.
  const pair = async (size: number, a: SetOptions, b: SetOptions) => {
    const first = await setLine({ ...a, size });
    const second = await setLine({ ...b, size });
    return first.width + second.width <= c.width - 20 * u ? ([first, second] as const) : undefined;
  };
  const labelPair = async (size: number, a: SetOptions, b: SetOptions, what: string) => {
    // Usually they fit at full size: try that first and skip the search (one line only gets
    // wider with the size, so the search would end there too).
    const full = await pair(size, a, b);
    if (full) return full;
    const fitted = await largestFitting(size * 0.7, size, (s) => pair(s, a, b));
    if (fitted) return fitted.value;
    throw new ShareImageFitError(
      `The ${what} of ${text.lang.englishName} (${text.lang.tag}) are too long to share a line on the share image ${format.file}. ` +
        (what.startsWith('organisation') ? `Shorten “site.name” in translations/${text.lang.tag}/ui.json.` : 'Shorten the short web address (SITE.shortUrl in src/config.ts).'),
      source.slug, text.lang.tag, format.file,
    );
  };
  const label = { lang: text.lang, lineHeight: 1.2, size: 0 };
  const [organisation, language] = await labelPair(
    Math.round(TYPE.label * u),
    { ...label, role: 'organisation', text: text.organisation, style: 'bold', colour: colours.ink },
    { ...label, role: 'language', text: text.language, style: 'regular', colour: colours.muted },
    'organisation name and language name',
  );
  const [date, url] = await labelPair(
    Math.round(TYPE.footer * u),
    { ...label, role: 'date', text: text.date, style: 'regular', colour: colours.muted },
    { ...label, role: 'url', text: text.url, style: 'regular', colour: colours.muted, direction: 'ltr' },
    'date and web address',
  );

  const rule = { width: Math.round(TYPE.rule.length * u), height: Math.round(TYPE.rule.thickness * u) };
  const gaps = { headerToRule: Math.round(16 * u), ruleToBody: Math.round(30 * u), bodyToFooter: Math.round(26 * u) };
  const headerHeight = Math.max(organisation.height, language.height);
  const footerHeight = Math.max(date.height, url.height);
  const bodyHeight = c.height - headerHeight - gaps.headerToRule - rule.height - gaps.ruleToBody - gaps.bodyToFooter - footerHeight;

  const range = { min: TYPE.title.min * u, max: TYPE.title.max * u };
  const fitted = await largestFitting(range.min, range.max, (size) => setBody(text, text.quote, size, c.width, bodyHeight, u));
  if (!fitted) throw await fitError(text, format, source, c.width, bodyHeight);
  const body = fitted.value;

  const boxes: CardBoxes = {
    header: [organisation, language],
    footer: [date, url],
    title: body.title,
    quote: body.quote,
    rule,
    gaps: { ...gaps, titleToQuote: body.gap },
  };
  const layout = await layoutTree(cardTree(format, rtl, boxes), format, memo);
  const blocks = placements(layout, [organisation, language, date, url, body.title, ...(body.quote ? [body.quote] : [])]);
  let svg: string | undefined;
  return {
    format,
    get svg() {
      return (svg ??= inlineBlocks(layout, blocks)); // for the tests and for debugging; the raster does not need it
    },
    rects: layoutRects(layout),
    blocks,
    titleSize: body.titleSize,
    quoteSize: body.quoteSize,
  };
}

/** The message when the quote cannot fit: how long a quote would fit, found by trying shorter ones. */
async function fitError(text: CardText, format: CardFormat, source: CardSource, width: number, height: number): Promise<ShareImageFitError> {
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
