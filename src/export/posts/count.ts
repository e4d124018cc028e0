/**
 * Each platform's limit and its own way of counting. Telegram counts UTF-16 code units of the
 * text after its entities are parsed (the plain text); X counts with its own library, where a
 * link is 23 and CJK and emoji weigh 2; Instagram's caption limit is in characters.
 */
import twitter from 'twitter-text';

export const LIMITS = {
  /** A caption under a photo, so the post can go with its image. */
  telegramCaption: 1024,
  telegramMessage: 4096,
  x: 280,
  instagram: 2200,
  whatsapp: 65536,
} as const;

export function telegramLength(plain: string): number {
  return plain.length;
}

export function xLength(plain: string): number {
  return twitter.parseTweet(plain).weightedLength;
}

export function instagramLength(plain: string): number {
  return [...plain].length;
}
