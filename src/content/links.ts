/**
 * Which link targets a statement may carry. Translations are untrusted input, so every
 * exporter keeps only links a reader can follow safely: javascript:, data:, file: and
 * relative paths (which could point anywhere in dist/) lose their link and keep their words.
 */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** True for an absolute http(s) or mailto URL, as a browser would parse it. */
export function isSafeLink(url: string): boolean {
  try {
    return LINK_PROTOCOLS.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
