/**
 * Page chrome shared by every page: the masthead with the language switcher and the footer.
 * Every word comes from the UI strings (`t`) or the language registry's native names.
 */
import type { Element } from 'hast';
import type { TFunction } from 'i18next';
import type { Language } from '../../languages.js';
import { h } from './h.js';
import { otherAddresses, relativeUrl } from './urls.js';
import { feedPath } from './head.js';
import { imprintBlock } from './civic.js';

export interface LanguageLink {
  lang: Language;
  /** dist/ path of this language's version of the page. */
  path: string;
}

/** The language switcher: native names, each marked with its own language and direction. */
export function languageNav(label: string, links: LanguageLink[], current: string | undefined, fromDir: string): Element {
  return h('nav', { className: ['langs'], ariaLabel: label },
    h('ul', {}, links.map(({ lang, path }) =>
      h('li', {}, h('a', {
        href: relativeUrl(fromDir, path),
        lang: lang.tag,
        dir: lang.dir,
        hrefLang: lang.tag,
        ariaCurrent: lang.tag === current ? 'page' : undefined,
      }, lang.nativeName)))));
}

export function masthead(t: TFunction, fromDir: string, nav: Element | null): Element {
  return h('header', { className: ['masthead'] },
    h('div', { className: ['wrap'] },
      h('a', { className: ['brand'], href: relativeUrl(fromDir, 'index.html') }, h('b', {}, t('site.name'))),
      nav));
}

export function skipLink(t: TFunction, target: string): Element {
  return h('a', { className: ['skip'], href: `#${target}` }, t('nav.skip'));
}

/** The dist/ path of a language's home page: its statements, newest first. */
export function homePath(lang: string): string {
  return `${lang}/index.html`;
}

/**
 * The footer: the language's home page, its feed, and “Also at”: this page (`pagePath`, under
 * dist/) at the site's other addresses (main and mirrors), when there are any.
 */
export function footer(t: TFunction, lang: Language, fromDir: string, pagePath?: string): Element {
  const elsewhere = pagePath === undefined ? [] : otherAddresses(pagePath);
  return h('footer', { className: ['site-footer'] },
    h('div', { className: ['wrap'] },
      h('ul', {},
        h('li', {}, h('a', { href: relativeUrl(fromDir, homePath(lang.tag)) }, t('nav.home'))),
        h('li', {}, h('a', { href: relativeUrl(fromDir, feedPath(lang.tag)), type: 'application/atom+xml' }, t('feed.title')))),
      elsewhere.length > 0
        ? h('p', { className: ['mirrors'] }, t('nav.alsoAt'), ' ',
          elsewhere.map((m, i) => [i > 0 ? ' · ' : '', h('a', { href: m.url, dir: 'ltr' }, m.name)]))
        : null,
      imprintBlock(t)));
}
