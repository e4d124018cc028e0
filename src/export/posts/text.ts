/**
 * The text of a post as words: each word a few spans (plain, bold or a link) and the white
 * space before it. Splitting a long text into parts happens between words only, and a link
 * is one word, so no part ever cuts a word or a link in two. The same words render as plain
 * text (what the platforms count and show), as Telegram HTML and as WhatsApp's *bold*.
 */

export interface Span {
  text: string;
  bold?: boolean;
  /** A link's target: the span is the link's text. */
  href?: string;
}

export interface Word {
  spans: Span[];
  /** The white space before the word: ' ', '\n' (a line break) or '\n\n' (a new paragraph). */
  before: string;
}

/** A paragraph's spans → words. A line break inside (Markdown's hard break) is kept as '\n'. */
export function words(spans: Span[], first: string): Word[] {
  const out: Word[] = [];
  let before = first;
  let current: Span[] = [];
  for (const span of spans) {
    if (span.href) {
      current.push(span);
      continue;
    }
    // Only ordinary spaces and line breaks separate words: a no-break space keeps “§ 22” whole.
    for (const piece of span.text.split(/([ \t\n]+)/)) {
      if (piece === '') continue;
      if (!/^[ \t\n]+$/.test(piece)) {
        current.push({ ...span, text: piece });
        continue;
      }
      // Space before the paragraph's first word is no separator of its own.
      if (current.length === 0 && out.length === 0) continue;
      const lineBreak = piece.includes('\n') || (current.length === 0 && before === '\n');
      if (current.length) out.push({ spans: current, before });
      current = [];
      before = lineBreak ? '\n' : ' ';
    }
  }
  if (current.length) out.push({ spans: current, before });
  return out;
}

/** Paragraphs (each a list of spans) → one list of words, paragraphs apart. */
export function paragraphs(list: Span[][]): Word[] {
  return list.flatMap((spans, i) => words(spans, i === 0 ? '' : '\n\n'));
}

export type Format = 'plain' | 'telegram-html' | 'whatsapp';

/** The words as text in one format, lines apart where the words say so. */
export function render(list: Word[], format: Format): string {
  // Neighbouring spans of one style become one: “<b>two words</b>”, not two bold words.
  const runs: Span[] = [];
  list.forEach((w, i) => {
    const previous = runs[runs.length - 1];
    if (i > 0) {
      const joins = previous && previous.bold && w.spans[0]?.bold && !previous.href && !w.spans[0]?.href && !w.before.includes('\n');
      runs.push({ text: w.before, bold: joins ? true : undefined });
    }
    runs.push(...w.spans);
  });
  const merged: Span[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.href && !run.href && Boolean(last.bold) === Boolean(run.bold)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged.map((s) => span(s, format)).join('');
}

function span(s: Span, format: Format): string {
  if (format === 'plain') return s.text;
  if (format === 'whatsapp') return s.bold && s.text.trim() ? `*${s.text}*` : s.text;
  let text = escapeHtml(s.text);
  if (s.bold) text = `<b>${text}</b>`;
  if (s.href) text = `<a href="${escapeHtml(s.href).replace(/"/g, '&quot;')}">${text}</a>`;
  return text;
}

/** Telegram's HTML parse mode knows these three entities (and &quot;); everything else is text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether a word ends a sentence: a full stop, question or exclamation mark, maybe in quotes or brackets. */
export function endsSentence(word: Word): boolean {
  const text = word.spans.map((s) => s.text).join('');
  return /[.!?…؟。](?:["»”’)\]]*)$/u.test(text);
}
