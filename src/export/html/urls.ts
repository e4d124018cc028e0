/**
 * Links between the files of dist/: relative inside the site (so a copy of dist/ works from any
 * address, and offline), absolute where the web needs them (canonical, hreflang, Open Graph, feeds).
 */
import path from 'node:path';
import { SITE } from '../../config.js';
import { absoluteUrl } from '../../publication.js';

/** The link from a page in `fromDir` (under dist/) to `toPath` (under dist/); index.html becomes its folder. */
export function relativeUrl(fromDir: string, toPath: string): string {
  const isIndex = toPath === 'index.html' || toPath.endsWith('/index.html');
  const target = isIndex ? path.posix.dirname(toPath) : toPath;
  let rel = path.posix.relative(fromDir, target === '.' ? '' : target);
  if (isIndex) rel = rel === '' ? './' : `${rel}/`;
  return rel;
}

/** Absolute URL of a dist/ path from the configured base URL. */
export function siteUrl(distPath: string): string {
  return absoluteUrl(SITE.baseUrl, distPath);
}
