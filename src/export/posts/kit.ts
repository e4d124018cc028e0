/**
 * The post kit of one statement in one language: ready-to-paste texts for a Telegram channel
 * (a caption and the whole statement), X, WhatsApp and Instagram, each within its platform's
 * limit as the platform counts, each with the image that goes with it. Pure: the texts in,
 * the kit out; the same input gives the same kit.
 */
import { formatNumber, type Language } from '../../languages.js';
import { instagramLength, LIMITS, telegramLength, xLength } from './count.js';
import { isUrl, lineMarks, LRM } from './bidi.js';
import { splitWords } from './split.js';
import { paragraphs, render, type Format, type Span, type Word } from './text.js';

export interface ImageRef {
  /** Absolute URL at this build's address. */
  url: string;
  width: number;
  height: number;
}

export interface PostInput {
  lang: Language;
  title: string;
  summary?: string;
  quote?: string;
  /** The statement's paragraphs, headings bold, links as spans with their targets. */
  body: Span[][];
  /** The last line of the whole statement: the signature. */
  signature?: string;
  /** The page's absolute address. */
  url: string;
  images: { card: ImageRef; portrait: ImageRef; story: ImageRef };
}

export interface Text {
  text: string;
  /** As the platform counts it. */
  length: number;
}

export interface PostKit {
  statement: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  url: string;
  /** How image entries are given. */
  images: 'absolute URLs at the build’s base address';
  telegram: Text & { parse_mode: 'HTML'; plain: string; limit: number; image: ImageRef };
  telegram_long: { parse_mode: 'HTML'; limit: number; parts: (Text & { plain: string })[] };
  x: { limit: number; counted_by: 'twitter-text weightedLength'; posts: Text[]; image: ImageRef };
  whatsapp: Text & { format: 'WhatsApp (*bold*)'; limit: number; image: ImageRef };
  instagram: Text & { limit: number; image: ImageRef; story_image: ImageRef };
}

/** What the checker needs to know whether the short posts can fit. */
export type FitInput = Pick<PostInput, 'lang' | 'title' | 'summary' | 'quote' | 'url'>;

export function postKit(slug: string, input: PostInput): PostKit {
  const { lang } = input;
  const caption = fitCaption(input, 'telegram-html', LIMITS.telegramCaption, telegramLength, true);
  const whatsapp = finish(lang, heading(input, true).concat(...optional(input).map(toWords), toWords(input.url)), 'whatsapp');
  const instagram = fitCaption(input, 'plain', LIMITS.instagram, instagramLength, false);
  return {
    statement: slug,
    lang: lang.tag,
    dir: lang.dir,
    url: input.url,
    images: 'absolute URLs at the build’s base address',
    telegram: { parse_mode: 'HTML', text: caption.formatted, plain: caption.plain, length: telegramLength(caption.plain), limit: LIMITS.telegramCaption, image: input.images.card },
    telegram_long: { parse_mode: 'HTML', limit: LIMITS.telegramMessage, parts: telegramLong(input) },
    x: { limit: LIMITS.x, counted_by: 'twitter-text weightedLength', posts: xThread(input), image: input.images.card },
    whatsapp: { text: whatsapp.formatted, length: whatsapp.plain.length, format: 'WhatsApp (*bold*)', limit: LIMITS.whatsapp, image: input.images.card },
    instagram: { text: instagram.plain, length: instagramLength(instagram.plain), limit: LIMITS.instagram, image: input.images.portrait, story_image: input.images.story },
  };
}

/** The quote in the language's quotation marks, then the summary: what the short posts say. */
function optional(input: FitInput): string[] {
  const { open, close } = input.lang.quotes;
  return [input.quote ? `${open}${input.quote}${close}` : '', input.summary ?? ''].filter(Boolean);
}

function heading(input: FitInput, bold: boolean): Word[] {
  return paragraphs([[{ text: input.title, bold }]]);
}

function toWords(text: string): Word[] {
  return paragraphs([[{ text }]]).map((w, i) => (i === 0 ? { ...w, before: '\n\n' } : w));
}

/** Title, quote, summary and link; the summary left out when too long, then the quote too. */
function captionChoices(input: FitInput, bold: boolean): Word[][] {
  const { open, close } = input.lang.quotes;
  const quote = input.quote ? `${open}${input.quote}${close}` : undefined;
  const sets = [[quote, input.summary], [quote], [input.summary], []].map((s) => s.filter((x): x is string => Boolean(x)));
  return sets.map((set) => heading(input, bold).concat(...set.map(toWords), toWords(input.url)));
}

function fitCaption(input: FitInput, format: Format, limit: number, count: (plain: string) => number, bold: boolean) {
  const choices = captionChoices(input, bold).map((words) => finish(input.lang, words, format));
  return choices.find((c) => count(c.plain) <= limit) ?? choices[choices.length - 1]!;
}

/** The whole statement: one message when it fits, else numbered parts. */
function telegramLong(input: PostInput): (Text & { plain: string })[] {
  const { lang } = input;
  const body = paragraphs([[{ text: input.title, bold: true }], ...input.body, ...(input.signature ? [[{ text: input.signature }]] : []), [{ text: input.url }]]);
  const whole = finish(lang, body, 'telegram-html');
  const entry = (f: Finished) => ({ text: f.formatted, plain: f.plain, length: telegramLength(f.plain) });
  if (telegramLength(whole.plain) <= LIMITS.telegramMessage) return [entry(whole)];
  const label = (i: number, n: number) => toWords(`${formatNumber(lang, i)}/${formatNumber(lang, n)}`);
  // The widest label of n parts is “n/n”; split again while the count needs more digits.
  let n = 2;
  for (;;) {
    const widest = label(n, n);
    const parts = splitWords(body, (part) => telegramLength(finish(lang, [...part, ...widest], 'telegram-html').plain) <= LIMITS.telegramMessage);
    if (String(parts.length).length <= String(n).length) {
      return parts.map((part, i) => entry(finish(lang, [...part, ...label(i + 1, parts.length)], 'telegram-html')));
    }
    n = parts.length;
  }
}

/** One post when the title, quote, summary and link fit; else a thread that starts with the title and link. */
function xThread(input: PostInput): Text[] {
  const { lang } = input;
  const fits = (words: Word[]) => xLength(finish(lang, words, 'plain').plain) <= LIMITS.x;
  const [all, withQuote, , titleOnly] = captionChoices(input, false);
  const post = (words: Word[]) => ({ text: finish(lang, words, 'plain').plain, length: xLength(finish(lang, words, 'plain').plain) });
  if (fits(all!)) return [post(all!)];
  const rest = optional(input);
  const first = input.quote && fits(withQuote!) ? withQuote! : titleOnly!;
  const left = first === withQuote ? rest.slice(1) : rest;
  const words = left.flatMap((text, i) => paragraphs([[{ text }]]).map((w, j) => (j === 0 && i > 0 ? { ...w, before: '\n\n' } : w)));
  return [post(first), ...splitWords(words, fits).map(post)];
}

interface Finished {
  plain: string;
  formatted: string;
}

/** Render the words, with the directional marks a right-to-left language needs. */
function finish(lang: Language, list: Word[], format: Format): Finished {
  if (lang.dir !== 'rtl') return { plain: render(list, 'plain'), formatted: render(list, format) };
  const marked = list.map((w) => (isUrl(w.spans.map((s) => s.text).join('')) ? { ...w, spans: [...w.spans, { text: LRM }] } : w));
  const plainLines = render(marked, 'plain').split('\n');
  const formattedLines = render(marked, format).split('\n');
  const marks = plainLines.map(lineMarks);
  const mark = (lines: string[]) => lines.map((line, i) => (line ? marks[i]!.start + line + marks[i]!.end : line)).join('\n');
  return { plain: mark(plainLines), formatted: mark(formattedLines) };
}

/** A short post that cannot fit even with the summary and quote left out, or the caption without its quote. */
export interface FitProblem {
  field: 'title' | 'quote' | 'summary';
  platform: 'Telegram' | 'X' | 'Instagram';
  limit: number;
  length: number;
}

export function fitProblems(input: FitInput): FitProblem[] {
  const problems: FitProblem[] = [];
  const choices = (bold: boolean) => captionChoices(input, bold);
  const platforms = [
    { platform: 'Telegram', limit: LIMITS.telegramCaption, count: telegramLength, format: 'telegram-html', bold: true },
    { platform: 'X', limit: LIMITS.x, count: xLength, format: 'plain', bold: false },
    { platform: 'Instagram', limit: LIMITS.instagram, count: instagramLength, format: 'plain', bold: false },
  ] as const;
  for (const p of platforms) {
    const all = choices(p.bold);
    const length = (words: Word[]) => p.count(finish(input.lang, words, p.format).plain);
    const bare = length(all[3]!);
    if (bare > p.limit) {
      problems.push({ field: 'title', platform: p.platform, limit: p.limit, length: bare });
      continue;
    }
    // X threads carry the quote and summary in later posts; the captions have one post only.
    if (p.platform === 'X') continue;
    const field = input.quote ? 'quote' : input.summary ? 'summary' : undefined;
    const withOne = length(all[input.quote ? 1 : 2]!);
    if (field && withOne > p.limit) problems.push({ field, platform: p.platform, limit: p.limit, length: withOne });
  }
  return problems;
}
