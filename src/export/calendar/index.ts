/**
 * The event of a statement as an iCalendar file (RFC 5545), one per language, written with
 * ical-generator. The start and end carry the event's zone (TZID) with a VTIMEZONE made from
 * the zone rules the runtime's Intl knows, so a calendar shows the right hour anywhere.
 * Deterministic: the stamp is the statement's date, the UID names statement, language and site.
 */
import ical from 'ical-generator';
import { zonedInstant, zoneOffset, type StatementEvent } from '../../content/civic.js';

export interface CalendarInput {
  event: StatementEvent;
  /** The event's name: the statement's title. */
  summary: string;
  description?: string;
  /** The statement page, absolute. */
  url: string;
  /** e.g. `humanitarian-visas-fa@postsovietleft.org`. */
  uid: string;
  /** The DTSTAMP: the statement's date. */
  stamp: Date;
  /** Who publishes it (PRODID). */
  organisation: string;
  lang: string;
}

export function calendarPath(dir: string, slug: string, lang: string): string {
  return `${dir}/${slug}-${lang}.ics`;
}

export function writeCalendar(input: CalendarInput): string {
  const { event } = input;
  const calendar = ical({
    prodId: { company: input.organisation, product: 'statements', language: input.lang.toUpperCase() },
    // No calendar-wide zone: DTSTAMP stays in UTC, as RFC 5545 asks; the event's zone gets its VTIMEZONE.
    timezone: { name: null, generator: (zone) => vtimezone(zone, Number(event.start.slice(0, 4))) },
  });
  calendar.createEvent({
    id: input.uid,
    start: new WallClock(zonedInstant(event.start, event.timeZone), event.timeZone),
    end: event.end ? new WallClock(zonedInstant(event.end, event.timeZone), event.timeZone) : undefined,
    timezone: event.timeZone,
    stamp: input.stamp,
    summary: input.summary,
    description: input.description,
    location: [event.place, event.address].filter(Boolean).join(', ') || undefined,
    url: input.url,
  });
  return calendar.toString();
}

/**
 * An instant that reads as the wall clock of its zone: ical-generator writes a zoned DTSTART
 * from a Date's local fields, which would otherwise be those of the machine's zone. It takes
 * this shape from TZDate (date-fns), which it supports.
 */
class WallClock extends Date {
  readonly internal: Date;
  private readonly wall: Date;

  constructor(instant: number, readonly timeZone: string) {
    super(instant);
    this.internal = new Date(instant);
    this.wall = new Date(instant + zoneOffset(instant, timeZone) * 60_000);
  }

  withTimeZone(): WallClock {
    return this;
  }

  tzComponents(): number[] {
    return [this.getFullYear(), this.getMonth(), this.getDate(), this.getHours(), this.getMinutes(), this.getSeconds()];
  }

  override getFullYear() { return this.wall.getUTCFullYear(); }
  override getMonth() { return this.wall.getUTCMonth(); }
  override getDate() { return this.wall.getUTCDate(); }
  override getHours() { return this.wall.getUTCHours(); }
  override getMinutes() { return this.wall.getUTCMinutes(); }
  override getSeconds() { return this.wall.getUTCSeconds(); }
}

/**
 * A VTIMEZONE for `zone`: its offset changes in the year before, of and after the event's
 * `year`, found with Intl (no installed package carries zone data), each written as a dated
 * STANDARD or DAYLIGHT observance. A calendar needs only the rules around the event.
 */
export function vtimezone(zone: string, year: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const from = Date.UTC(year - 1, 0, 1);
  const to = Date.UTC(year + 2, 0, 1);
  const changes: Array<{ at: number; before: number; after: number }> = [];
  const day = 86_400_000;
  for (let t = from; t < to; t += day) {
    const before = zoneOffset(t, zone);
    const after = zoneOffset(t + day, zone);
    if (before === after) continue;
    let lo = t;
    let hi = t + day;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffset(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, before, after });
  }
  const standardOffset = Math.min(zoneOffset(from, zone), ...changes.map((c) => c.after));
  if (changes.length === 0) {
    const offset = zoneOffset(from, zone);
    lines.push('BEGIN:STANDARD', `DTSTART:${local(from, offset)}`, `TZOFFSETFROM:${utcOffset(offset)}`, `TZOFFSETTO:${utcOffset(offset)}`, 'END:STANDARD');
  }
  for (const c of changes) {
    const kind = c.after > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time before the change (RFC 5545, 3.6.5).
    lines.push(`BEGIN:${kind}`, `DTSTART:${local(c.at, c.before)}`, `TZOFFSETFROM:${utcOffset(c.before)}`, `TZOFFSETTO:${utcOffset(c.after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function local(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}
