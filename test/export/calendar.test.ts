/** The .ics writer: the same bytes in any machine's time zone, the event's zone in DTSTART and VTIMEZONE. */
import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { writeCalendar } from '../../src/export/calendar/index.js';

const input = (timeZone: string, start: string) => ({
  event: { start, timeZone, place: 'Gate, Square', places: {} },
  summary: 'Rally; for visas', url: 'https://psl.example/rally/en/', uid: 'rally-en@psl.example',
  stamp: new Date('2026-12-01T12:00:00Z'), organisation: 'PSL', lang: 'en',
});
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('writeCalendar', () => {
  it('writes the same file whatever zone the build machine is in', () => {
    const made = ['UTC', 'America/New_York', 'Asia/Tokyo'].map((tz) => {
      process.env.TZ = tz;
      return writeCalendar(input('Europe/Berlin', '2026-07-01T14:00'));
    });
    expect(made[1]).toBe(made[0]);
    expect(made[2]).toBe(made[0]);
    expect(made[0]).toContain('DTSTART;TZID=Europe/Berlin:20260701T140000\r\n');
    expect(made[0]).toContain('DTSTAMP:20261201T120000Z\r\n');
  });

  it('gives calendars the zone rules to place the start: summer time in Berlin, Kabul’s half hour', () => {
    for (const [zone, start, utc] of [['Europe/Berlin', '2026-07-01T14:00', Date.UTC(2026, 6, 1, 12)], ['Asia/Kabul', '2026-03-21T09:30', Date.UTC(2026, 2, 21, 5)]] as const) {
      const calendar = new ICAL.Component(ICAL.parse(writeCalendar(input(zone, start))));
      const timezone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
      expect(timezone.tzid).toBe(zone);
      const begins = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).startDate.clone();
      begins.zone = timezone;
      expect(begins.toUnixTime(), zone).toBe(utc / 1000);
      expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe('Rally; for visas');
    }
  });
});
