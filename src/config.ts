/**
 * Site-wide settings organisers may change: the web address, the organisation's name and
 * the colours of the share images. Everything language-specific lives in the UI strings.
 */
export const SITE = {
  /** Absolute base URL where dist/ is published; every canonical, hreflang and og:image URL starts here. */
  baseUrl: (process.env.PSL_BASE_URL ?? 'https://postsovietleft.org/statements/').replace(/\/?$/, '/'),
  /** The short address printed on share images and PDFs. */
  shortUrl: process.env.PSL_SHORT_URL ?? 'postsovietleft.org',
  organisation: 'Post-Soviet Left',
  colours: {
    ink: '#1a1a1a',
    paper: '#f6f1e7',
    accent: '#b3121b',
    muted: '#5c5650',
  },
} as const;
