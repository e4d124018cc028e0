/**
 * The post kit: ready-to-paste texts for Telegram, X, WhatsApp and Instagram. kit.ts makes
 * them from plain texts; input.ts takes those from a publication.
 */
export { postKit, fitProblems, type PostKit, type PostInput, type FitInput, type FitProblem, type ImageRef } from './kit.js';
export { postInput, postUrl } from './input.js';
export { LIMITS, telegramLength, xLength, instagramLength } from './count.js';
export { shareLinks, withoutLink, type ShareLinks } from './links.js';
