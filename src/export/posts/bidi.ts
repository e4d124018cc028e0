/**
 * Directional marks for right-to-left posts. Telegram and WhatsApp set each line's direction
 * from its first strong character, so a line that starts with a Latin name, a number or a URL
 * would read left to right: it gets a right-to-left mark (RLM) in front. A line that ends in a
 * Latin, number or URL run gets an RLM after it, so the full stop or bracket after the run
 * stays on the right-to-left side. A URL gets a left-to-right mark (LRM) after it, so its
 * closing slash stays with it. Marks are invisible and honoured by every client; isolates
 * (RLI…PDI) are not understood everywhere.
 */
import { bidiClass } from '../../typeset/bidi.js';

export const RLM = '\u200F';
export const LRM = '\u200E';

const STRONG_OR_NUMBER = new Set(['L', 'R', 'AL', 'EN', 'AN']);
const RIGHT_TO_LEFT = new Set(['R', 'AL']);

/** The marks one line of a right-to-left post needs at its start and end. */
export function lineMarks(line: string): { start: string; end: string } {
  const classes = [...line].map((c) => bidiClass(c)).filter((c) => STRONG_OR_NUMBER.has(c));
  const first = classes[0];
  const last = classes[classes.length - 1];
  return {
    start: first !== undefined && !RIGHT_TO_LEFT.has(first) ? RLM : '',
    end: last !== undefined && !RIGHT_TO_LEFT.has(last) ? RLM : '',
  };
}

/** Whether a word is a web address written out. */
export function isUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text);
}
