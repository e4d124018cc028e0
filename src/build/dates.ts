/**
 * The dates a build's publications print, formatted once and kept in the build cache.
 *
 * Why: the first Intl.DateTimeFormat a thread makes costs it 25–35 ms, and every thread of a
 * build printed a date (the page, the PDFs, the share images). The main thread now formats the
 * dates before any job starts, from the cache when it can, and gives the table to every
 * thread (knowDates()), whose formatDate() then answers from it. The table is kept per
 * DATE_FORMAT_VERSION, so a Node with other ICU data formats them anew.
 */
import path from 'node:path';
import { dateKey, DATE_FORMAT_VERSION, formatDateWithIntl } from '../languages.js';
import type { Publication } from '../publication.js';
import { sha256 } from './hash.js';
import { readJson, writeAtomic } from './files.js';

/** The formatted date of every publication in `pubs` (see knowDates), kept in `dir` between builds. */
export function datesFor(pubs: Publication[], dir: string): Record<string, string> {
  const file = path.join(dir, `dates-${sha256(DATE_FORMAT_VERSION).slice(0, 16)}.json`);
  const kept = read(file);
  const dates: Record<string, string> = {};
  let added = false;
  for (const pub of pubs) {
    if (!pub.date) continue;
    const key = dateKey(pub.lang, pub.date);
    if (kept[key] === undefined) {
      try {
        kept[key] = formatDateWithIntl(pub.lang, pub.date);
        added = true;
      } catch {
        continue; // not a date: the check reports it, and an exporter that prints it fails as before
      }
    }
    dates[key] = kept[key]!;
  }
  if (added) write(file, kept);
  return dates;
}

function read(file: string): Record<string, string> {
  const table = readJson(file);
  // None yet, or unreadable: formatted anew.
  if (table && typeof table === 'object' && Object.values(table).every((v) => typeof v === 'string')) return table as Record<string, string>;
  return {};
}

function write(file: string, table: Record<string, string>): void {
  try {
    writeAtomic(file, JSON.stringify(table));
  } catch {
    // the cache is not writable: they are formatted again next time
  }
}
