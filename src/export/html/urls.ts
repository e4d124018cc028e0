/**
 * Links between the files of dist/: relative inside the site (so a copy of dist/ works from any
 * address, and offline from file://: every link to a page names its index.html, since a browser
 * opening a folder from disk shows a listing, not the page), absolute where the web needs them
 * (canonical, hreflang, Open Graph, feeds, sitemap).
 */
import path from 'node:path';
import { SITE } from '../../config.js';
import { absoluteUrl } from '../../publication.js';

/** The link from a page in `fromDir` (under dist/) to `toPath` (under dist/), index.html included. */
export function relativeUrl(fromDir: string, toPath: string): string {
  return path.posix.relative(fromDir === '.' ? '' : fromDir, toPath) || path.posix.basename(toPath);
}

/** The canonical (main) absolute URL of a dist/ path, the same on every mirror; index.html becomes its folder. */
export function siteUrl(distPath: string): string {
  return absoluteUrl(SITE.canonicalUrl, distPath);
}

/** The absolute URL of a dist/ path at this build's own address (PSL_BASE_URL; the main one by default). */
export function ownUrl(distPath: string): string {
  return absoluteUrl(SITE.baseUrl, distPath);
}

/**
 * The same page at the site's other addresses, for the footer's “Also at”: the main address and
 * every mirror, except the one this build is for.
 */
export function otherAddresses(distPath: string): { name: string; url: string }[] {
  const main = { url: SITE.canonicalUrl, name: new URL(SITE.canonicalUrl).host };
  return [main, ...SITE.mirrors]
    .filter((m, i, all) => m.url !== SITE.baseUrl && all.findIndex((n) => n.url === m.url) === i)
    .map((m) => ({ name: m.name, url: new URL(distPath, m.url).href }));
}
