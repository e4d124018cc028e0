/**
 * What a publication's .ics file is made from: the event (the source's times, the
 * translation's place), the title, summary and date. Apart from the renderer so the build can
 * tell whether an edit changes the calendar file without loading ical-generator.
 */
import { publishedEvent } from '../content/civic.js';
import type { Publication } from '../publication.js';

export function calendarInputs(pub: Publication): string {
  const event = publishedEvent(pub.doc, pub.source);
  if (!event) return 'no event';
  const { places: _places, ...when } = event;
  return JSON.stringify({ when, title: pub.doc.data.title, summary: pub.doc.data.summary, date: pub.date });
}
