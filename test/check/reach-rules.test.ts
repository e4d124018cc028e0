/**
 * The rules about a statement's co-signers and event: malformed entries, unsafe links, a
 * translation's count, links and event time against the English text.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.js';
import type { CheckReport } from '../../src/check/index.js';

const SIGNATORIES = [
  'signatories:',
  '  - name: Solidarity Network',
  '    url: https://solidarity.example/',
  '  - Exiles Against War',
  '  - name: Free Belarus Initiative',
  '    url: https://free-belarus.example/',
];
const EVENT = ['event:', '  start: 2026-12-12T14:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Berlin', '  place: Brandenburg Gate'];

/** A file with `lines` added at the end of its front matter (line 2 onwards is the front matter). */
function withFrontMatter(text: string, lines: string[]): string {
  const end = text.indexOf('\n---', 4);
  return `${text.slice(0, end)}\n${lines.join('\n')}${text.slice(end)}`;
}

/** The line numbers the added lines get in `text` (the front matter's closing --- moves down). */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

function found(report: CheckReport, rule: string, file: string) {
  return report.diagnostics.filter((d) => d.rule === rule && d.file === file);
}

const SOURCE = withFrontMatter(fixture('source.md'), [...SIGNATORIES, ...EVENT]);
const RU = 'translations/ru/sample.md';

describe('signatories-format', () => {
  it('reports a javascript: link at its line and column, and passes the good list', async () => {
    const source = withFrontMatter(fixture('source.md'), [...SIGNATORIES.slice(0, 5), '    url: javascript:alert(1)']);
    const report = await check({}, { source });
    const [d, ...rest] = found(report, 'signatories-format', 'statements/sample.md');
    expect(rest).toEqual([]);
    expect(d.line).toBe(lineOf(source, 'javascript:'));
    expect(d.column).toBe(10);
    expect(d.severity).toBe('error');
    expect(d.message).toContain('“Free Belarus Initiative” (javascript:alert(1)) is not a web address');
    expect(d.fix).toContain('https://');
    expect(found(await check({}, { source: SOURCE }), 'signatories-format', 'statements/sample.md')).toEqual([]);
  });

  it('reports an entry without a name', async () => {
    const source = withFrontMatter(fixture('source.md'), ['signatories:', '  - url: https://a.example/']);
    const [d] = found(await check({}, { source }), 'signatories-format', 'statements/sample.md');
    expect([d.line, d.column]).toEqual([lineOf(source, 'url: https://a.example/'), 5]);
    expect(d.message).toBe('Signatory 1 has no name.');
    expect(d.fix).toContain('name:');
  });
});

describe('signatories-count', () => {
  it('reports a translation with one signatory missing, at the field', async () => {
    const ru = withFrontMatter(fixture('good/ru.md'), ['signatories:', '  - name: Сеть солидарности', '    url: https://solidarity.example/', '  - Эмигранты против войны']);
    const report = await check({ [RU]: ru }, { source: SOURCE });
    const [d, ...rest] = found(report, 'signatories-count', RU);
    expect(rest).toEqual([]);
    expect([d.line, d.column]).toEqual([lineOf(ru, 'signatories:') + 1, 3]);
    expect(d.message).toBe('This translation lists 2 signatories, the English text 3: 1 missing.');
    expect(d.fix).toContain('Free Belarus Initiative');
    expect(d.fix).toContain('remove the field');
  });

  it('accepts a translation without the field (it shows the English names)', async () => {
    const report = await check({}, { source: SOURCE });
    expect(report.diagnostics.filter((d) => d.rule.startsWith('signatories-') || d.rule.startsWith('event-'))).toEqual([]);
  });
});

describe('signatories-links', () => {
  it('reports a link that differs from the English entry in the same place', async () => {
    const ru = withFrontMatter(fixture('good/ru.md'), [
      'signatories:', '  - name: Сеть солидарности', '    url: https://solidarity.example/', '  - Эмигранты против войны',
      '  - name: Свободная Беларусь', '    url: https://elsewhere.example/']);
    const [d, ...rest] = found(await check({ [RU]: ru }, { source: SOURCE }), 'signatories-links', RU);
    expect(rest).toEqual([]);
    expect([d.line, d.column]).toEqual([lineOf(ru, 'Свободная Беларусь'), 5]);
    expect(d.message).toBe('Signatory 3 (Свободная Беларусь) links to https://elsewhere.example/, but the English entry Free Belarus Initiative links to https://free-belarus.example/.');
    expect(d.fix).toBe('Write url: https://free-belarus.example/ for this entry, and keep the entries in the English order.');
  });
});

describe('event-format', () => {
  it('reports a start that is not a date and time, and an unknown zone', async () => {
    const source = withFrontMatter(fixture('source.md'), ['event:', '  start: 12.12.2026 14:00', '  timezone: Berlin/Mitte']);
    const ds = found(await check({}, { source }), 'event-format', 'statements/sample.md');
    expect(ds.map((d) => [d.line, d.column])).toEqual([[lineOf(source, 'start:'), 10], [lineOf(source, 'timezone:'), 13]]);
    expect(ds[0].message).toBe('The event’s start “12.12.2026 14:00” is not a date and time written YYYY-MM-DDTHH:MM.');
    expect(ds[0].fix).toContain('start: 2026-12-12T14:00');
    expect(ds[1].message).toBe('“Berlin/Mitte” is not a time zone name.');
    expect(ds[1].fix).toContain('IANA');
  });

  it('reports an event without a time zone', async () => {
    const source = withFrontMatter(fixture('source.md'), ['event:', '  start: 2026-12-12T14:00']);
    const [d] = found(await check({}, { source }), 'event-format', 'statements/sample.md');
    expect(d.line).toBe(lineOf(source, 'event:') + 1);
    expect(d.message).toContain('no time zone');
    expect(d.fix).toContain('timezone: Europe/Berlin');
  });
});

describe('event-match', () => {
  it('reports a translated start time, and accepts a translated place', async () => {
    const ru = withFrontMatter(fixture('good/ru.md'), ['event:', '  start: 2026-12-12T15:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Berlin', '  place: Бранденбургские ворота']);
    const [d, ...rest] = found(await check({ [RU]: ru }, { source: SOURCE }), 'event-match', RU);
    expect(rest).toEqual([]);
    expect([d.line, d.column]).toEqual([lineOf(ru, 'start:'), 10]);
    expect(d.message).toBe('The event’s start is 2026-12-12T15:00 here but 2026-12-12T14:00 in the English text; the time of an event is not translated.');
    expect(d.fix).toBe('Write start: 2026-12-12T14:00, as in the English text.');
  });

  it('reports another time zone', async () => {
    const ru = withFrontMatter(fixture('good/ru.md'), ['event:', '  start: 2026-12-12T14:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Moscow']);
    const [d] = found(await check({ [RU]: ru }, { source: SOURCE }), 'event-match', RU);
    expect([d.line, d.column]).toEqual([lineOf(ru, 'timezone:'), 13]);
    expect(d.message).toContain('timezone is Europe/Moscow here but Europe/Berlin');
    expect(d.fix).toBe('Write timezone: Europe/Berlin, as in the English text.');
  });
});
