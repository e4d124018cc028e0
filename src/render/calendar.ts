/**
 * Glue: a publication → its event as an .ics file (none when the statement has no event).
 */
import { SITE } from '../config.js';
import { publishedEvent } from '../content/civic.js';
import { absoluteUrl, artefactPaths, type Artefact, type Publication } from '../publication.js';
import { calendarPath, writeCalendar } from '../export/calendar/index.js';

export async function renderCalendar(pub: Publication): Promise<Artefact[]> {
  const event = publishedEvent(pub.doc, pub.source);
  if (!event) return [];
  const paths = artefactPaths(pub.slug, pub.lang.tag);
  const url = absoluteUrl(SITE.canonicalUrl, paths.page);
  const text = writeCalendar({
    event,
    summary: String(pub.doc.data.title ?? ''),
    description: typeof pub.doc.data.summary === 'string' ? `${pub.doc.data.summary}\n\n${url}` : url,
    url,
    uid: `${pub.slug}-${pub.lang.tag}@${new URL(SITE.canonicalUrl).host}`,
    stamp: statementDay(pub.date),
    organisation: SITE.organisation,
    lang: pub.lang.tag,
  });
  return [{ path: calendarPath(paths.dir, pub.slug, pub.lang.tag), bytes: new TextEncoder().encode(text), kind: 'other', slug: pub.slug, lang: pub.lang.tag }];
}

/** Noon UTC of the statement's date: the same stamp on every build. */
function statementDay(isoDate: string): Date {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
