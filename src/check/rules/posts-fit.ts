/**
 * The short posts of the post kit (src/export/posts) must fit their platforms: the title with
 * the link in one X post, a Telegram caption and an Instagram caption, and the quote (or the
 * summary, when there is no quote) with them in the captions. Longer summaries and quotes
 * are left out or spread over an X thread; these cannot be shortened any further.
 */
import type { Rule } from '../types.js';
import { fitProblems, postUrl, type FitProblem } from '../../export/posts/index.js';

const HOW: Record<FitProblem['platform'], string> = {
  Telegram: 'as Telegram counts them',
  X: 'as X counts them (a link counts as 23, CJK letters and emoji as 2)',
  Instagram: 'as Instagram counts them',
};

const rule: Rule = {
  id: 'posts-fit',
  severity: 'error',
  description: 'The title with the link must fit one post on X, Telegram and Instagram, and the quote must fit the Telegram and Instagram captions with them.',
  source: true,
  document({ doc, lang, report }) {
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const title = text(doc.data.title);
    if (!title) return;
    const problems = fitProblems({ lang, title, summary: text(doc.data.summary), quote: text(doc.data.quote), url: postUrl(doc.slug, lang.tag) });
    // One message per field: the platform it is furthest over.
    const worst = new Map<FitProblem['field'], FitProblem>();
    for (const p of problems) {
      const seen = worst.get(p.field);
      if (!seen || p.length - p.limit > seen.length - seen.limit) worst.set(p.field, p);
    }
    for (const p of worst.values()) {
      const over = p.length - p.limit;
      const place = doc.fieldPlaces[p.field] ?? doc.frontMatterPlace;
      if (p.field === 'title') {
        report(place,
          `The title is too long for a post on ${p.platform}: with the link it is ${p.length} characters ${HOW[p.platform]}, and at most ${p.limit} fit.`,
          `Shorten the title by at least ${over} characters.`);
      } else {
        report(place,
          `The ${p.field} is too long for the ${p.platform} caption: with the title and the link it is ${p.length} characters ${HOW[p.platform]}, and at most ${p.limit} fit, so the post would go without it.`,
          `Shorten the ${p.field} (or the title) by at least ${over} characters.`);
      }
    }
  },
};
export default rule;
