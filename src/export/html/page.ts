/**
 * The statement page in one language: masthead and language switcher, the statement
 * (kicker, title, date line, draft notice, summary, body, signature), the downloads, the footer.
 */
import type { Element, Root } from 'hast';
import { formatDate, formatNumber } from '../../languages.js';
import { artefactPaths, isDraft, type Publication } from '../../publication.js';
import { h, root } from './h.js';
import { renderBody } from './markdown.js';
import { typography } from './typography.js';
import { statementHead } from './head.js';
import { footer, languageNav, masthead, skipLink } from './chrome.js';
import { relativeUrl } from './urls.js';
import { shareSection } from './share.js';
import { eventSection, joinSection, signatoriesSection } from './civic.js';
import { publishedEvent, publishedSignatories } from '../../content/civic.js';
import { calendarPath } from '../calendar/index.js';

/** The value of a UI string, or undefined when the language has no such key. */
export function optional(t: Publication['t'], key: string): string | undefined {
  const value = t(key, { defaultValue: '' });
  return value === '' || value === key ? undefined : value;
}

export async function statementTree(pub: Publication): Promise<Root> {
  const { t, lang, slug, doc } = pub;
  const paths = artefactPaths(slug, lang.tag);
  const here = paths.dir;
  const body = await renderBody(doc.tree, { lang, footnoteLabel: optional(t, 'statement.footnotes') });
  const translator = typeof doc.data.translator === 'string' && doc.data.translator ? doc.data.translator : undefined;

  const header = h('header', {},
    h('p', { className: ['kicker'] }, t('statement.kind')),
    h('h1', {}, String(doc.data.title ?? '')),
    h('p', { className: ['dateline'] },
      pub.date ? h('time', { dateTime: pub.date }, t('statement.published', { date: formatDate(lang, pub.date) })) : null,
      translator ? [pub.date ? ' · ' : '', t('statement.translatedBy', { translator })] : null),
    (pub.draft ?? isDraft(doc, lang)) ? h('p', { className: ['notice'], role: 'note' }, t('statement.draftNotice')) : null,
    doc.data.summary ? h('p', { className: ['lede'] }, String(doc.data.summary)) : null);

  const event = publishedEvent(doc, pub.source);
  const article = h('article', {},
    header,
    event ? eventSection(pub, event, here, calendarPath(here, slug, lang.tag)) : null,
    h('div', { className: ['body'] }, body.children as Element[]),
    h('p', { className: ['signature'] }, t('site.signature')),
    signatoriesSection(pub, publishedSignatories(doc, pub.source)),
    joinSection(pub));

  const main = h('main', { id: 'statement' },
    h('div', { className: ['wrap'] }, article, downloads(pub, here), shareSection(pub, here)));

  const nav = languageNav(t('nav.languages'), pub.published.map((l) => ({ lang: l, path: artefactPaths(slug, l.tag).page })), lang.tag, here);
  const bodyElement = h('body', {}, skipLink(t, 'statement'), masthead(t, here, nav), main, footer(t, lang, here, paths.page));
  // Chrome strings and front matter get the typography the body got in renderBody (it is idempotent).
  typography(bodyElement, lang);
  return root(
    { type: 'doctype' },
    h('html', { lang: lang.tag, dir: lang.dir, dataScript: lang.script },
      h('head', {}, statementHead(pub)),
      bodyElement));
}

/** Links to this language's PDFs, plain text and share images, under exactly the names the other exporters write. */
function downloads(pub: Publication, here: string): Element {
  const { t, lang, slug } = pub;
  const paths = artefactPaths(slug, lang.tag);
  const link = (path: string, label: string, type: string) => h('a', { href: relativeUrl(here, path), type }, label);
  // The JPEG is the Open Graph copy of the 1200×630 PNG; readers get the PNGs.
  const images = paths.images.filter((i) => i.file.endsWith('.png'));
  return h('aside', { className: ['downloads'], ariaLabelledBy: ['downloads-heading'] },
    h('h2', { id: 'downloads-heading' }, t('downloads.heading')),
    h('ul', {},
      h('li', {}, link(paths.pdfA4, t('downloads.pdfA4'), 'application/pdf')),
      h('li', {}, link(paths.pdfA5, t('downloads.pdfA5'), 'application/pdf')),
      h('li', {}, link(paths.text, t('downloads.text'), 'text/plain'))),
    h('p', {}, t('downloads.images')),
    h('ul', {}, images.map((i) => h('li', {},
      link(i.path, t('downloads.image', { width: formatNumber(lang, i.width), height: formatNumber(lang, i.height) }), 'image/png')))),
    // Readers behind censorship pass statements on as files (Telegram, USB sticks).
    h('p', {}, link(paths.bundle, t('downloads.offline'), 'application/zip')));
}
