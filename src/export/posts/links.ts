/**
 * Share links that open each app with the post filled in: plain links, encoded with
 * encodeURIComponent (a space as %20, which every one of them reads; some read “+” literally).
 */
import type { PostKit } from './kit.js';

export interface ShareLinks {
  telegram: string;
  whatsapp: string;
  x: string;
}

export function shareLinks(kit: PostKit): ShareLinks {
  const q = encodeURIComponent;
  return {
    telegram: `https://t.me/share/url?url=${q(kit.url)}&text=${q(withoutLink(kit.telegram.plain))}`,
    whatsapp: `https://wa.me/?text=${q(kit.whatsapp.text)}`,
    x: `https://twitter.com/intent/tweet?text=${q(kit.x.posts[0]!.text)}`,
  };
}

/** Telegram's share page puts the link under the text itself: the caption without its last paragraph, the link. */
export function withoutLink(caption: string): string {
  return caption.split('\n\n').slice(0, -1).join('\n\n');
}
