/**
 * The parts of a statement page that reach beyond the text: the event (when, where, a
 * calendar file), the co-signers, and the call to join. Every word comes from the UI strings,
 * the front matter (checked in src/content/civic.ts) or site.yaml.
 */
import type { Element } from 'hast';
import { joinFor, SITE } from '../../config.js';
import type { Signatory, StatementEvent } from '../../content/civic.js';
import { eventWords } from '../../content/civic.js';
import type { Publication } from '../../publication.js';
import { h } from './h.js';
import { relativeUrl } from './urls.js';

/** When and where, with the link to the .ics file at `calendarPath` (under dist/). */
export function eventSection(pub: Publication, event: StatementEvent, here: string, calendarPath: string): Element {
  const { t, lang } = pub;
  const { start, when, zone, where } = eventWords(event, lang);
  return h('section', { className: ['event'], ariaLabelledBy: ['event-heading'] },
    h('h2', { id: 'event-heading' }, t('civic.eventHeading')),
    h('dl', {},
      h('dt', {}, t('civic.eventWhen')),
      h('dd', {}, h('time', { dateTime: new Date(start).toISOString() }, when), ` (${zone})`),
      where ? [h('dt', {}, t('civic.eventWhere')), h('dd', {}, where)] : null),
    h('p', {}, h('a', { href: relativeUrl(here, calendarPath), type: 'text/calendar', download: '' }, t('civic.calendar'))));
}

/** The co-signers after the text: names, linked to their sites where given (http(s) only). */
export function signatoriesSection(pub: Publication, signatories: Signatory[]): Element | null {
  if (signatories.length === 0) return null;
  return h('section', { className: ['signatories'], ariaLabelledBy: ['signatories-heading'] },
    h('h2', { id: 'signatories-heading' }, pub.t('civic.signatoriesHeading')),
    h('ul', {}, signatories.map((s) => h('li', {}, s.url ? h('a', { href: s.url, rel: ['noopener'] }, s.name) : s.name))));
}

/** The call to join or get in touch, in the page's language (site.yaml's own, else English's). */
export function joinSection(pub: Publication): Element {
  const { t, lang } = pub;
  const join = joinFor(SITE, lang.tag);
  const shown = join.url.replace(/^mailto:/, '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  return h('section', { className: ['join'], ariaLabelledBy: ['join-heading'] },
    h('h2', { id: 'join-heading' }, t('civic.joinHeading')),
    h('p', {}, join.text ?? t('civic.joinText'), ' ', h('a', { href: join.url, dir: 'ltr' }, shown)));
}

/** The imprint for every page's footer: who answers for the content, and where. */
export function imprintBlock(t: Publication['t']): Element {
  const { responsible, address, email } = SITE.imprint;
  return h('section', { className: ['imprint'], id: 'imprint', ariaLabelledBy: ['imprint-heading'] },
    h('h2', { id: 'imprint-heading' }, t('civic.imprint')),
    h('p', {}, t('civic.imprintResponsible', { name: [responsible, ...address].join(', ') }),
      email ? [' · ', h('a', { href: `mailto:${email}`, dir: 'ltr' }, email)] : null));
}
