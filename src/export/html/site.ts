/**
 * The pages above the statements: each statement's language picker (its x-default page)
 * and the site index listing every statement in every language, newest first.
 */
import type { Element, Root } from 'hast';
import { formatDate, formatNumber, type Language } from '../../languages.js';
import { artefactPaths, type Publication } from '../../publication.js';
import { h, root } from './h.js';
import { alternateLinks, baseHead, pickerPath } from './head.js';
import { footer, masthead, skipLink } from './chrome.js';
import { typography, typographyText } from './typography.js';
import { relativeUrl, siteUrl } from './urls.js';

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
    `var x=String(w[i]).toLowerCase(),y=a[j].toLowerCase();if(k===0?x===y:x.split("-")[0]===y){location.replace(a[j]+"/");return}}})();`;
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
    footer(t, lang, here));
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {},
        ...baseHead(`${title} — ${t('site.name')}`, typographyText(String(main.doc.data.summary ?? ''), lang), siteUrl(pickerPath(slug))),
        alternateLinks(slug, pubs.map((p) => p.lang)),
        h('script', {}, redirectScript(pubs.map((p) => p.lang.tag)))),
      body));
}

export function indexTree(pubs: Publication[], languages: Language[]): Root {
  const main = sitePublication(pubs);
  const { t, lang } = main;
  const here = '';
  const sections: Element[] = [];
  for (const language of languages) {
    const mine = newestFirst(pubs.filter((p) => p.lang.tag === language.tag));
    if (mine.length === 0) continue;
    const lt = mine[0].t;
    const count = lt('index.statementCount', { count: mine.length }).replace(String(mine.length), formatNumber(language, mine.length));
    const section = h('section', { className: ['index-lang'], lang: language.tag, dir: language.dir, id: `lang-${language.tag}`, ariaLabelledBy: [`heading-${language.tag}`] },
      h('h2', { id: `heading-${language.tag}` }, language.nativeName),
      h('p', {}, count),
      h('ol', { className: ['listing'] }, mine.map((p) => h('li', {},
        p.date ? h('time', { dateTime: p.date }, formatDate(language, p.date)) : null,
        h('a', { href: relativeUrl(here, artefactPaths(p.slug, language.tag).page), hrefLang: language.tag }, String(p.doc.data.title ?? ''))))));
    typography(section, language);
    sections.push(section);
  }
  const nav = h('nav', { className: ['langs'], ariaLabel: t('nav.languages') },
    h('ul', {}, languages.filter((l) => sections.some((s) => s.properties.lang === l.tag)).map((l) =>
      h('li', {}, h('a', { href: `#lang-${l.tag}`, lang: l.tag, dir: l.dir }, l.nativeName)))));
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {},
        ...baseHead(`${t('index.heading')} — ${t('site.name')}`, t('site.signature'), siteUrl('index.html'))),
      h('body', {},
        skipLink(t, 'statements'),
        masthead(t, here, nav),
        h('main', { id: 'statements' }, h('div', { className: ['wrap'] }, h('h1', {}, t('index.heading')), sections)),
        footer(t, lang, here))));
}
