/**
 * The pages above the statements: each statement's language picker (its x-default page), the
 * site index listing every statement in every language, newest first, each language's home page
 * (`<lang>/index.html`, its statements newest first, in its own words), and the 404 page.
 * Every link between pages ends in index.html, so a copy opened from disk works (see urls.ts).
 */
import type { Element, Root } from 'hast';
import { formatDate, formatNumber, type Language } from '../../languages.js';
import { artefactPaths, languageBundlePath, type Publication } from '../../publication.js';
import { h, root } from './h.js';
import { alternateLinks, baseHead, feedPath, pickerPath } from './head.js';
import { footer, homePath, languageNav, masthead, skipLink } from './chrome.js';
import { typography, typographyText } from './typography.js';
import { ownUrl, relativeUrl, siteUrl } from './urls.js';

/** Newest first; statements of one day in name order, so the order never depends on input order. */
export function newestFirst<T extends { date: string; slug: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

/** The publication whose UI strings site pages use: the source language's, else the first. */
function sitePublication(pubs: Publication[]): Publication {
  return pubs.find((p) => p.lang.source) ?? pubs[0];
}

/**
 * Send the reader to the version in their browser's language, unless they came from this site
 * (they chose this page). Without script the page is a plain list of links.
 */
function redirectScript(tags: string[]): string {
  return `(function(){var a=${JSON.stringify(tags)};if(document.referrer.indexOf(location.origin)===0)return;` +
    `var w=navigator.languages||[navigator.language],i,j,k;for(k=0;k<2;k++)for(i=0;i<w.length;i++)for(j=0;j<a.length;j++){` +
    `var x=String(w[i]).toLowerCase(),y=a[j].toLowerCase();if(k===0?x===y:x.split("-")[0]===y){location.replace(a[j]+"/index.html");return}}})();`;
}

export function pickerTree(pubs: Publication[]): Root {
  const main = sitePublication(pubs);
  const { t, lang, slug } = main;
  const here = slug;
  const title = typographyText(String(main.doc.data.title ?? ''), lang);
  const list = h('ul', { className: ['picker'] }, pubs.map((p) =>
    h('li', { lang: p.lang.tag, dir: p.lang.dir },
      h('a', { href: relativeUrl(here, artefactPaths(slug, p.lang.tag).page), hrefLang: p.lang.tag },
        h('span', {}, p.lang.nativeName),
        String(p.doc.data.title ?? '')))));
  for (const item of list.children as Element[]) typography(item, pubs.find((p) => p.lang.tag === item.properties.lang)!.lang);
  const body = h('body', {},
    skipLink(t, 'languages'),
    masthead(t, here, null),
    h('main', { id: 'languages' },
      h('div', { className: ['wrap'] },
        h('p', { className: ['kicker'] }, t('statement.kind')),
        h('h1', {}, title),
        h('h2', { className: ['dateline'] }, t('nav.chooseLanguage')),
        list)),
    footer(t, lang, here, pickerPath(slug)));
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {},
        ...baseHead(`${title} — ${t('site.name')}`, typographyText(String(main.doc.data.summary ?? ''), lang), siteUrl(pickerPath(slug)), here),
        alternateLinks(slug, pubs.map((p) => p.lang)),
        h('script', {}, redirectScript(pubs.map((p) => p.lang.tag)))),
      body));
}

/** The languages that have at least one publication, in registry order. */
function publishedLanguages(pubs: Publication[], languages: Language[]): Language[] {
  return languages.filter((l) => pubs.some((p) => p.lang.tag === l.tag));
}

/**
 * Open Graph tags of a listing page (the index, a language's home): the site, and the share
 * image of the newest statement in the page's language.
 */
function listingMeta(title: string, description: string, url: string, lang: Language, newest: Publication | undefined, others: Language[]): Element[] {
  const meta = (property: string, content: string) => h('meta', { property, content });
  const image = newest ? artefactPaths(newest.slug, newest.lang.tag).ogImage : undefined;
  return [
    meta('og:type', 'website'),
    meta('og:site_name', newest?.t('site.name') ?? title),
    meta('og:title', title),
    meta('og:description', description),
    meta('og:url', url),
    ...(image ? [meta('og:image', ownUrl(image)), meta('og:image:type', 'image/jpeg'), meta('og:image:width', '1200'), meta('og:image:height', '630')] : []),
    meta('og:locale', lang.ogLocale),
    ...others.filter((l) => l.tag !== lang.tag).map((l) => meta('og:locale:alternate', l.ogLocale)),
    h('meta', { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
  ];
}

/** hreflang links between the language homes, with the root index as x-default. */
function homeAlternates(langs: Language[]): Element[] {
  return [
    ...langs.map((l) => h('link', { rel: ['alternate'], hrefLang: l.tag, href: siteUrl(homePath(l.tag)) })),
    h('link', { rel: ['alternate'], hrefLang: 'x-default', href: siteUrl('index.html') }),
  ];
}

/** One language's statements, newest first: date and linked title, from the page in `here`. */
function listing(mine: Publication[], language: Language, here: string): Element {
  return h('ol', { className: ['listing'] }, mine.map((p) => h('li', {},
    p.date ? h('time', { dateTime: p.date }, formatDate(language, p.date)) : null,
    h('a', { href: relativeUrl(here, artefactPaths(p.slug, language.tag).page), hrefLang: language.tag }, String(p.doc.data.title ?? '')))));
}

export function indexTree(pubs: Publication[], languages: Language[]): Root {
  const main = sitePublication(pubs);
  const { t, lang } = main;
  const here = '';
  const langs = publishedLanguages(pubs, languages);
  const sections: Element[] = [];
  for (const language of langs) {
    const mine = newestFirst(pubs.filter((p) => p.lang.tag === language.tag));
    const lt = mine[0].t;
    const count = lt('index.statementCount', { count: mine.length }).replace(String(mine.length), formatNumber(language, mine.length));
    const section = h('section', { className: ['index-lang'], lang: language.tag, dir: language.dir, id: `lang-${language.tag}`, ariaLabelledBy: [`heading-${language.tag}`] },
      h('h2', { id: `heading-${language.tag}` }, h('a', { href: relativeUrl(here, homePath(language.tag)), hrefLang: language.tag }, language.nativeName)),
      h('p', {}, count),
      listing(mine, language, here));
    typography(section, language);
    sections.push(section);
  }
  // Without script: every language's native name, linking to its home page.
  const nav = languageNav(t('nav.languages'), langs.map((l) => ({ lang: l, path: homePath(l.tag) })), undefined, here);
  const title = `${t('index.heading')} — ${t('site.name')}`;
  const newest = newestFirst(pubs.filter((p) => p.lang.tag === lang.tag))[0];
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {},
        ...baseHead(title, t('site.signature'), siteUrl('index.html'), here),
        ...homeAlternates(langs),
        ...listingMeta(title, t('site.signature'), siteUrl('index.html'), lang, newest, langs)),
      h('body', {},
        skipLink(t, 'statements'),
        masthead(t, here, nav),
        h('main', { id: 'statements' }, h('div', { className: ['wrap'] },
          h('h1', {}, t('index.heading')),
          h('nav', { ariaLabel: t('nav.chooseLanguage') }, h('ul', { className: ['homes'] }, langs.map((l) =>
            h('li', { lang: l.tag, dir: l.dir }, h('a', { href: relativeUrl(here, homePath(l.tag)), hrefLang: l.tag }, l.nativeName))))),
          sections)),
        footer(t, lang, here, 'index.html'))));
}

/** `<lang>/index.html`: the language's statements, newest first, all in its own words. */
export function languageHomeTree(pubs: Publication[], language: Language, languages: Language[]): Root {
  const mine = newestFirst(pubs.filter((p) => p.lang.tag === language.tag));
  const { t } = mine[0];
  const here = language.tag;
  const path = homePath(language.tag);
  const langs = publishedLanguages(pubs, languages);
  const nav = languageNav(t('nav.languages'), langs.map((l) => ({ lang: l, path: homePath(l.tag) })), language.tag, here);
  const title = `${t('index.heading')} — ${t('site.name')}`;
  const count = t('index.statementCount', { count: mine.length }).replace(String(mine.length), formatNumber(language, mine.length));
  const body = h('body', {},
    skipLink(t, 'statements'),
    masthead(t, here, nav),
    h('main', { id: 'statements' }, h('div', { className: ['wrap'] },
      h('h1', {}, t('index.heading')),
      h('p', { className: ['dateline'] }, count),
      listing(mine, language, here),
      h('p', { className: ['offline'] }, h('a', { href: relativeUrl(here, languageBundlePath(language.tag)), type: 'application/zip' }, t('index.offline'))))),
    footer(t, language, here, path));
  typography(body, language);
  return root(
    { type: 'doctype' },
    h('html', { lang: language.tag, dir: language.dir, dataScript: language.script },
      h('head', {},
        ...baseHead(title, t('site.signature'), siteUrl(path), here),
        ...homeAlternates(langs),
        h('link', { rel: ['alternate'], type: 'application/atom+xml', href: siteUrl(feedPath(language.tag)), title: t('feed.title') }),
        ...listingMeta(title, t('site.signature'), siteUrl(path), language, mine[0], langs)),
      body));
}

/**
 * `404.html`: GitHub Pages (and most hosts) serve it at any missing address, at any depth, so
 * its links and icons are absolute at this build's address, and it uses no web fonts. One block
 * per language, in that language's words, with its own lang and dir, linking to its home page.
 */
export function notFoundTree(pubs: Publication[], languages: Language[]): Root {
  const main = sitePublication(pubs);
  const { t, lang } = main;
  const langs = publishedLanguages(pubs, languages);
  const blocks = langs.map((language) => {
    const lt = pubs.find((p) => p.lang.tag === language.tag)!.t;
    const block = h('div', { className: ['not-found'], lang: language.tag, dir: language.dir },
      h(language.tag === lang.tag ? 'h1' : 'h2', { id: `nf-${language.tag}` }, lt('notFound.title')),
      h('p', {}, lt('notFound.text')),
      h('p', {}, h('a', { href: ownUrl(homePath(language.tag)), hrefLang: language.tag }, `${language.nativeName}: ${lt('nav.home')}`)));
    typography(block, language);
    return block;
  });
  const first = blocks.findIndex((b) => b.properties.lang === lang.tag);
  if (first > 0) blocks.unshift(...blocks.splice(first, 1));
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {},
        ...baseHead(`${t('notFound.title')} — ${t('site.name')}`, t('site.signature'), null, null),
        h('meta', { name: 'robots', content: 'noindex' })),
      h('body', {},
        h('header', { className: ['masthead'] }, h('div', { className: ['wrap'] },
          h('a', { className: ['brand'], href: ownUrl('index.html') }, h('b', {}, t('site.name'))))),
        h('main', {}, h('div', { className: ['wrap'] }, blocks)))));
}
