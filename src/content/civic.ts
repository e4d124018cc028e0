/**
 * The statement's co-signers (`signatories:`) and its event (`event:`), read from the front
 * matter with the place of every entry, for the checker's messages and the exporters. The
 * front matter is untrusted: a link that is not http(s) is a problem and never reaches a page.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { formatTimeSpan, type Language } from '../languages.js';
import type { Point } from './parse.js';
import type { Document } from './repository.js';

export interface Signatory {
  name: string;
  url?: string;
  place: Point;
}

export interface StatementEvent {
  /** Wall-clock start in the event's zone, `YYYY-MM-DDTHH:MM`. */
  start: string;
  end?: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  place?: string;
  address?: string;
  /** Where each field's value is written. */
  places: Partial<Record<'event' | 'start' | 'end' | 'timezone' | 'place' | 'address', Point>>;
}

export interface FieldProblem {
  place: Point;
  message: string;
  fix: string;
}

type Source = Pick<Document, 'text' | 'data' | 'fieldPlaces' | 'frontMatterPlace'>;

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;
const EVENT_FIELDS = ['start', 'end', 'timezone', 'place', 'address'] as const;

/** A YAML node of the front matter by its path, with a function from offsets to file points. */
function frontMatter(doc: Source): { get(path: (string | number)[]): YamlNode | undefined; at(node: YamlNode | undefined): Point } | undefined {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(doc.text);
  if (!match) return undefined;
  const lineCounter = new LineCounter();
  const yaml = parseDocument(match[1], { lineCounter, prettyErrors: false });
  if (yaml.errors.length) return undefined;
  const firstLine = doc.frontMatterPlace.line + 1;
  return {
    get: (path) => yaml.getIn(path, true) as YamlNode | undefined,
    at(node) {
      if (!node?.range) return doc.frontMatterPlace;
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line: firstLine + line - 1, column: col };
    },
  };
}

/** True for an absolute http(s) address. */
export function isWebLink(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The co-signers as written (undefined when the field is absent), and what is wrong with them. */
export function readSignatories(doc: Source): { list?: Signatory[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (doc.data.signatories === undefined || doc.data.signatories === null) return { problems };
  const fm = frontMatter(doc);
  const fieldPlace = doc.fieldPlaces.signatories ?? doc.frontMatterPlace;
  const node = fm?.get(['signatories']);
  if (!fm || !isSeq(node)) {
    problems.push({ place: fieldPlace, message: 'The field “signatories” must be a list of organisations, one per line starting with “- ”.',
      fix: 'Write each organisation as `- name: …` (and `url: https://…` under it when it has a web page), or as `- Its name`.' });
    return { problems };
  }
  const list: Signatory[] = [];
  node.items.forEach((item, i) => {
    const place = fm.at(item as YamlNode);
    const number = `Signatory ${i + 1}`;
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
      list.push({ name: item.value.trim(), place });
      return;
    }
    if (!isMap(item)) {
      problems.push({ place, message: `${number} is neither a name nor a name with a link.`, fix: 'Write `- name: Organisation` with an optional `url: https://…` line under it.' });
      return;
    }
    const name = fm.get(['signatories', i, 'name']);
    const url = fm.get(['signatories', i, 'url']);
    const nameValue = isScalar(name) ? String(name.value ?? '').trim() : '';
    if (!nameValue) {
      problems.push({ place, message: `${number} has no name.`, fix: 'Add a line `name: …` with the organisation’s name.' });
      return;
    }
    const entry: Signatory = { name: nameValue, place };
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'name' && key !== 'url') {
        problems.push({ place: fm.at(pair.key as YamlNode), message: `${number} has a field “${key}” that is not used; a signatory has only name: and url:.`, fix: `Remove the line “${key}: …”.` });
      }
    }
    if (url !== undefined) {
      const urlValue = isScalar(url) ? String(url.value ?? '').trim() : '';
      if (!isWebLink(urlValue)) {
        problems.push({ place: fm.at(url), message: `The link of “${nameValue}” (${urlValue || 'empty'}) is not a web address; only links starting with https:// or http:// are published.`,
          fix: 'Write the organisation’s web page as https://…, or remove the url: line.' });
      } else entry.url = urlValue;
    }
    list.push(entry);
  });
  return { list, problems };
}

/** The event as written (undefined when absent or unusable), and what is wrong with it. */
export function readEvent(doc: Source): { event?: StatementEvent; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (doc.data.event === undefined || doc.data.event === null) return { problems };
  const fm = frontMatter(doc);
  const eventPlace = doc.fieldPlaces.event ?? doc.frontMatterPlace;
  if (!fm || !isMap(fm.get(['event']))) {
    problems.push({ place: eventPlace, message: 'The field “event” must list start:, timezone: and optionally end:, place: and address:, each on its own indented line.',
      fix: 'Write for example:\n  event:\n    start: 2026-12-12T14:00\n    timezone: Europe/Berlin\n    place: …' });
    return { problems };
  }
  const places: StatementEvent['places'] = { event: eventPlace };
  const values: Partial<Record<(typeof EVENT_FIELDS)[number], string>> = {};
  for (const pair of (fm.get(['event']) as { items: Array<{ key: unknown; value: unknown }> }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!(EVENT_FIELDS as readonly string[]).includes(key)) {
      problems.push({ place: fm.at(pair.key as YamlNode), message: `The event has a field “${key}” that is not used.`, fix: `Use only ${EVENT_FIELDS.join(', ')}; remove “${key}”.` });
      continue;
    }
    const field = key as (typeof EVENT_FIELDS)[number];
    places[field] = fm.at(value ?? (pair.key as YamlNode));
    values[field] = isScalar(value) && value.value !== null ? String(value.value).trim() : '';
  }
  for (const field of ['start', 'end'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    if (!validLocalTime(value)) {
      problems.push({ place: places[field] ?? eventPlace, message: `The event’s ${field} “${value}” is not a date and time written YYYY-MM-DDTHH:MM.`,
        fix: `Write the local time at the event, e.g. ${field}: 2026-12-12T14:00 (24-hour clock), and its zone in timezone:.` });
      delete values[field];
    }
  }
  if (values.start === undefined && !problems.some((p) => /start/.test(p.message))) {
    problems.push({ place: eventPlace, message: 'The event has no start.', fix: 'Add a line `start: 2026-12-12T14:00` (the local time at the event) under event:.' });
  }
  if (!values.timezone) {
    problems.push({ place: places.timezone ?? eventPlace, message: 'The event has no time zone, so readers elsewhere would get the wrong time.',
      fix: 'Add a line `timezone: Europe/Berlin` (the IANA name of the zone the event is in) under event:.' });
  } else if (!validZone(values.timezone)) {
    problems.push({ place: places.timezone ?? eventPlace, message: `“${values.timezone}” is not a time zone name.`,
      fix: 'Use an IANA time zone name such as Europe/Berlin, Europe/Vilnius or Asia/Kabul.' });
    delete values.timezone;
  }
  if (values.start && values.end && values.timezone && zonedInstant(values.end, values.timezone) <= zonedInstant(values.start, values.timezone)) {
    problems.push({ place: places.end ?? eventPlace, message: `The event ends (${values.end}) before it starts (${values.start}).`, fix: 'Correct end:, or remove it.' });
    delete values.end;
  }
  if (!values.start || !values.timezone) return { problems };
  const event: StatementEvent = { start: values.start.replace(' ', 'T'), timeZone: values.timezone, places };
  if (values.end) event.end = values.end.replace(' ', 'T');
  if (values.place) event.place = values.place;
  if (values.address) event.address = values.address;
  return { event, problems };
}

function validLocalTime(value: string): boolean {
  const m = LOCAL_TIME.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset of `zone` from UTC at `instant`, in minutes. */
export function zoneOffset(instant: number, zone: string): number {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    zoneFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant (ms since the epoch) of a wall-clock time `YYYY-MM-DDTHH:MM` in `zone`. */
export function zonedInstant(local: string, zone: string): number {
  const [y, mo, d, h, mi] = LOCAL_TIME.exec(local)!.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds settle the offset except in the hour a clock skips, which moves forward.
  let instant = wall - zoneOffset(wall, zone) * 60000;
  instant = wall - zoneOffset(instant, zone) * 60000;
  return instant;
}

/** The event as a language writes it: its start, when (digits and calendar of the language), the zone's name, and where. */
export function eventWords(event: StatementEvent, lang: Language): { start: number; when: string; zone: string; where: string } {
  const start = zonedInstant(event.start, event.timeZone);
  const end = event.end ? zonedInstant(event.end, event.timeZone) : undefined;
  const { when, zone } = formatTimeSpan(lang, start, end, event.timeZone);
  const where = [event.place, event.address].filter(Boolean).join(lang.script === 'Arab' ? '، ' : ', ');
  return { start, when, zone, where };
}

/**
 * What a publication shows: the translation's names where it gives as many as the source
 * (the check reports any other count), with the source's links; else the source's.
 */
export function publishedSignatories(doc: Source, source: Source): Signatory[] {
  const mine = readSignatories(source).list ?? [];
  if (doc === source) return mine;
  const theirs = readSignatories(doc).list;
  if (!theirs || theirs.length !== mine.length) return mine;
  return mine.map((s, i) => ({ ...s, name: theirs[i].name }));
}

/** The source's event, with the translation's place and address where it gives them. */
export function publishedEvent(doc: Source, source: Source): StatementEvent | undefined {
  const event = readEvent(source).event;
  if (!event || doc === source) return event;
  const theirs = readEvent(doc).event;
  return { ...event, place: theirs?.place ?? event.place, address: theirs?.address ?? event.address };
}
