/**
 * Every rule of the check, one row per failing case: the fixture (or files) that break the
 * rule, and the diagnostics a translator must see for it — where (file, line, column) and
 * what the message and the fix say. A row passes only if the rule reports exactly these in
 * that file, so a rule that stops reporting, reports elsewhere or words it wrongly fails.
 *
 * Fixtures named `fail/<case>.<lang>.md` replace translations/<lang>/sample.md, and
 * `fail/<case>.<lang>.json` replace translations/<lang>/ui.json, in a repository that
 * otherwise holds the good translations.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture, places, stampFor, SLUG } from './helpers.js';
import type { CheckOptions } from '../../src/check/index.js';

interface Expected {
  line: number;
  column: number;
  /** What the message must say (its words, not the whole sentence). */
  message: RegExp;
  /** What the fix must say. */
  fix: RegExp;
}

interface Row {
  rule: string;
  /** What the case is, where the rule and file alone do not say it. */
  name?: string;
  /** A file under fixtures/fail/, in place of the good file of its language. */
  fixture?: string;
  /** Or: files added, replaced or (null) removed, and the file the diagnostics are in. */
  files?: () => Record<string, string | null>;
  file?: string;
  /** A different English statement than fixtures/source.md. */
  source?: () => string;
  options?: CheckOptions;
  expect: Expected[];
}

const stamped = (text: string) => text.replace('source: STAMP', `source: ${stampFor(fixture('source.md'))}`);
const reworded = () => fixture('source.md').replace('People wait in fear of deportation.', 'People wait in fear of being deported.');

/** `text` with `from` replaced by `to`; throws if `from` is not there, so a row never tests the unchanged file. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return text.replace(from, to);
}
const arabicUi = (from: string, to: string) => () => ({ 'translations/ar/ui.json': edit(fixture('ui/ar.json'), from, to) });
const WRITE_COUNT = /Write \{\{count\}\} exactly like that/;

const NOT_IN_TEXT = /quote in the front matter does not occur in the text/;
const COPY_QUOTE = /Copy the quote exactly from the translated paragraph/;
const STILL_ENGLISH = /still the English text of statements\/sample\.md line 13/;


// Co-signers and events: a source with both, and files with front-matter lines added.
const SIGNATORIES = [
  'signatories:',
  '  - name: Solidarity Network',
  '    url: https://solidarity.example/',
  '  - Exiles Against War',
  '  - name: Free Belarus Initiative',
  '    url: https://free-belarus.example/',
];
const EVENT = ['event:', '  start: 2026-12-12T14:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Berlin', '  place: Brandenburg Gate'];
/** `text` with `lines` added at the end of its front matter. */
function withFrontMatter(text: string, lines: string[]): string {
  const end = text.indexOf('\n---', 4);
  return `${text.slice(0, end)}\n${lines.join('\n')}${text.slice(end)}`;
}
/** The line of `text` holding `needle`, counted from 1. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const civicSource = () => withFrontMatter(fixture('source.md'), [...SIGNATORIES, ...EVENT]);
const civicRu = (lines: string[]) => withFrontMatter(fixture('good/ru.md'), lines);
const SOURCE_FILE = 'statements/sample.md';
const RU = 'translations/ru/sample.md';
const BAD_LINK = () => withFrontMatter(fixture('source.md'), [...SIGNATORIES.slice(0, 5), '    url: javascript:alert(1)']);
const NO_NAME = () => withFrontMatter(fixture('source.md'), ['signatories:', '  - url: https://a.example/']);
const ONE_MISSING = () => civicRu(['signatories:', '  - name: Сеть солидарности', '    url: https://solidarity.example/', '  - Эмигранты против войны']);
const OTHER_LINK = () => civicRu(['signatories:', '  - name: Сеть солидарности', '    url: https://solidarity.example/', '  - Эмигранты против войны', '  - name: Свободная Беларусь', '    url: https://elsewhere.example/']);
const BAD_EVENT = () => withFrontMatter(fixture('source.md'), ['event:', '  start: 12.12.2026 14:00', '  timezone: Berlin/Mitte']);
const NO_ZONE = () => withFrontMatter(fixture('source.md'), ['event:', '  start: 2026-12-12T14:00']);
const LATER = () => civicRu(['event:', '  start: 2026-12-12T15:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Berlin', '  place: Бранденбургские ворота']);
const MOSCOW = () => civicRu(['event:', '  start: 2026-12-12T14:00', '  end: 2026-12-12T17:00', '  timezone: Europe/Moscow']);

const ROWS: Row[] = [
  // Completeness
  {
    rule: 'missing-translation', files: () => ({ 'translations/fa/sample.md': null }), file: 'translations/fa/sample.md',
    expect: [{ line: 1, column: 1, message: /no Persian translation yet \(pending\).*translations\/fa\/sample\.md does not exist/, fix: /copy statements\/sample\.md to translations\/fa\/sample\.md/ }],
  },
  {
    rule: 'missing-ui', files: () => ({ 'translations/be/ui.json': null }), file: 'translations/be/ui.json',
    expect: [{ line: 1, column: 1, message: /Belarusian page texts are missing.*translations\/be\/ui\.json does not exist/, fix: /Copy translations\/en\/ui\.json to translations\/be\/ui\.json/ }],
  },
  {
    rule: 'orphan-translation', files: () => ({ 'translations/ru/samples.md': fixture('good/ru.md') }), file: 'translations/ru/samples.md',
    expect: [{ line: 1, column: 1, message: /no English statement statements\/samples\.md/, fix: /Rename the file.*sample\.md/ }],
  },
  {
    rule: 'front-matter-required', fixture: 'front-matter-required.ru.md',
    expect: [
      { line: 1, column: 1, message: /no `title` field/, fix: /Add a line `title: "…"`/ },
      { line: 2, column: 10, message: /`summary` field is empty/, fix: /Write the summary .* after `summary:`/ },
    ],
  },
  {
    rule: 'summary-length', fixture: 'summary-length.de.md',
    expect: [{ line: 3, column: 10, message: /summary is 229 characters long; at most 200/, fix: /Shorten it by at least 29 characters/ }],
  },
  {
    rule: 'posts-fit', name: 'a title too long for one X post with the link', fixture: 'posts-fit.de.md',
    expect: [{ line: 2, column: 8, message: /on X/, fix: /Shorten the title by at least \d+ characters/ }],
  },
  {
    rule: 'posts-fit', name: 'a quote too long for the Telegram caption', fixture: 'posts-fit.fa.md',
    expect: [{ line: 5, column: 8, message: /Telegram/, fix: /Shorten the quote \(or the title\) by at least \d+ characters/ }],
  },
  {
    rule: 'status-value', fixture: 'status-value.be.md',
    expect: [{ line: 6, column: 9, message: /status “final” is not known; it must be draft or reviewed/, fix: /`status: draft`.*`status: reviewed`/ }],
  },
  { rule: 'quote-in-body', fixture: 'quote-in-body.ru.md', expect: [{ line: 5, column: 8, message: NOT_IN_TEXT, fix: COPY_QUOTE }] },
  // UI strings
  {
    rule: 'ui-missing-key', fixture: 'ui-missing-key.ru.json',
    expect: [{ line: 13, column: 3, message: /“nav\.skip” is missing/, fix: /Add "skip": "…".*translations\/en\/ui\.json/ }],
  },
  {
    rule: 'ui-extra-key', fixture: 'ui-extra-key.de.json',
    expect: [
      { line: 14, column: 5, message: /“nav\.skipp” is not used.*misspelt/, fix: /Remove this line, or correct its name/ },
      { line: 33, column: 5, message: /“index\.statementCount_few” is not used: German has no “few” plural form \(it has: one, other\)/, fix: /Remove this line/ },
    ],
  },
  {
    rule: 'ui-variables', fixture: 'ui-variables.fa.json',
    expect: [
      { line: 27, column: 5, message: /“print\.page” has the placeholder \{\{صفحه\}\}, which the English text does not have/, fix: /only the placeholders of the English text: \{\{page\}\}, \{\{pages\}\}/ },
      { line: 27, column: 5, message: /“print\.page” lacks the placeholder \{\{page\}\}/, fix: /Write \{\{page\}\} exactly like that, with the Latin name/ },
    ],
  },
  // Arabic writes one and two without the numeral (بيان واحد، بيانان): the good Arabic UI does.
  {
    rule: 'ui-variables', name: 'Arabic one and two without {{count}} pass', file: 'translations/ar/ui.json',
    files: () => ({ 'translations/ar/ui.json': fixture('ui/ar.json') }), expect: [],
  },
  {
    rule: 'ui-variables', name: 'Arabic few without {{count}}', file: 'translations/ar/ui.json', files: arabicUi('"{{count}} بيانات"', '"بيانات"'),
    expect: [{ line: 36, column: 5, message: /“index\.statementCount_few” lacks the placeholder \{\{count\}\}/, fix: WRITE_COUNT }],
  },
  {
    rule: 'ui-variables', name: 'Arabic page number without {{page}}', file: 'translations/ar/ui.json', files: arabicUi('"الصفحة {{page}} من {{pages}}"', '"الصفحة من {{pages}}"'),
    expect: [{ line: 27, column: 5, message: /“print\.page” lacks the placeholder \{\{page\}\}/, fix: /Write \{\{page\}\} exactly like that/ }],
  },
  {
    // Russian "one" is also 21, 31, …: the number must be written.
    rule: 'ui-variables', name: 'Russian one without {{count}}', file: 'translations/ru/ui.json',
    files: () => ({ 'translations/ru/ui.json': edit(fixture('ui/ru.json'), '"{{count}} заявление"', '"одно заявление"') }),
    expect: [{ line: 33, column: 5, message: /“index\.statementCount_one” lacks the placeholder \{\{count\}\}/, fix: WRITE_COUNT }],
  },
  {
    rule: 'ui-plural-forms', fixture: 'ui-plural-forms.ar.json',
    expect: [{ line: 33, column: 5, message: /“index\.statementCount” lacks the Arabic plural form two/, fix: /Add statementCount_two.*zero, one, two, few, many, other/ }],
  },
  // Structure
  {
    rule: 'structure-blocks', fixture: 'structure-blocks.ru.md',
    expect: [
      { line: 10, column: 1, message: /level-3 heading, but the English text has a level-2 heading here \(statements\/sample\.md line 8\)/, fix: /Make it a level-2 heading/ },
      { line: 19, column: 1, message: /has a paragraph here that the English text does not have/, fix: /Remove it or join it with its neighbour/ },
    ],
  },
  {
    rule: 'structure-links', fixture: 'structure-links.de.md',
    expect: [
      { line: 12, column: 1, message: /link to https:\/\/example\.org\/residence-act .* that this translation lacks/, fix: /same address: \[translated words\]\(https:\/\/example\.org\/residence-act\)/ },
      { line: 12, column: 61, message: /link goes to https:\/\/example\.org\/other, which the English text does not link to/, fix: /exactly the addresses of the English text/ },
    ],
  },
  {
    rule: 'structure-numbers', fixture: 'structure-numbers.ar.md',
    expect: [
      { line: 12, column: 1, message: /number 3,000 of the English paragraph \(statements\/sample\.md line 10\) is missing/, fix: /Write the same number/ },
      { line: 12, column: 128, message: /number 4000 is not in the English paragraph/, fix: /Check the number against the English text/ },
    ],
  },
  {
    rule: 'duplicate-title', fixture: 'duplicate-title.de.md',
    expect: [{ line: 10, column: 1, message: /heading repeats the title from the front matter; the page and the PDFs leave it out/, fix: /Delete this heading: the title from the front matter is printed above the text/ }],
  },
  {
    // Also in the English text, and with other spacing: "A Statement   on Humanitarian Visas" is the same title.
    rule: 'duplicate-title', name: 'the English text, spaced differently', file: 'statements/sample.md',
    source: () => edit(fixture('source.md'), '---\n\n## Around', '---\n\n#  A Statement   on Humanitarian Visas \n\n## Around'),
    expect: [{ line: 8, column: 1, message: /heading repeats the title/, fix: /Delete this heading/ }],
  },
  {
    rule: 'duplicate-title', name: 'a first heading that is not the title passes', file: 'translations/de/sample.md',
    files: () => ({ 'translations/de/sample.md': edit(fixture('fail/duplicate-title.de.md'), '# Erklärung zu humanitären Visa\n', '# Erklärung zu humanitären Visa in Deutschland\n') }),
    expect: [],
  },
  {
    // Arabic legal prose writes المادة (article) where the English has §: the numbers are what count.
    rule: 'structure-numbers', name: 'Arabic المادة 22 (2) for § 22 (2) passes', file: 'translations/ar/sample.md',
    files: () => ({ 'translations/ar/sample.md': edit(fixture('good/ar.md'), 'بموجب § 22 (2).', 'بموجب المادة 22 (2).') }),
    expect: [],
  },
  {
    rule: 'structure-numbers', name: 'Arabic المادة 22 without the (2)', file: 'translations/ar/sample.md',
    files: () => ({ 'translations/ar/sample.md': edit(fixture('good/ar.md'), 'بموجب § 22 (2).', 'بموجب المادة 22.') }),
    expect: [{ line: 3, column: 10, message: /number 2 of the English summary \(statements\/sample\.md line 3\) is missing/, fix: /Write the same number/ }],
  },
  // Unfinished text
  { rule: 'untranslated-block', fixture: 'untranslated-block.de.md', expect: [{ line: 15, column: 3, message: STILL_ENGLISH, fix: /Translate it/ }] },
  {
    rule: 'wrong-script', fixture: 'wrong-script.fa.md',
    expect: [{ line: 15, column: 3, message: /written in Latin letters, but Persian is written in Arabic script/, fix: /Translate it into Persian.*check-ignore wrong-script/ }],
  },
  {
    rule: 'todo-marker', fixture: 'todo-marker.ru.md',
    expect: [{ line: 14, column: 20, message: /marker “TODO” shows that this part is not finished/, fix: /Finish the text here and remove the marker/ }],
  },
  {
    rule: 'empty-block', fixture: 'empty-block.be.md',
    expect: [{ line: 15, column: 1, message: /list item without any text/, fix: /Write the translated text here, or remove the empty mark/ }],
  },
  // Orthography and typography
  {
    rule: 'persian-arabic-letters', fixture: 'persian-arabic-letters.fa.md',
    expect: [
      { line: 17, column: 34, message: /Arabic kaf ك \(U\+0643\); Persian uses the Persian keheh ک/, fix: /Replace it with ک/ },
      { line: 17, column: 36, message: /Arabic yeh ي \(U\+064A\); Persian uses the Persian yeh ی/, fix: /Replace it with ی/ },
    ],
  },
  {
    rule: 'arabic-persian-letters', fixture: 'arabic-persian-letters.ar.md',
    expect: [{ line: 10, column: 15, message: /Persian yeh ی \(U\+06CC\); Arabic uses ي/, fix: /Replace it with ي \(or ى\)/ }],
  },
  {
    rule: 'mixed-digits', fixture: 'mixed-digits.fa.md',
    expect: [{ line: 10, column: 9, message: /“۳٬۰۰0” mixes Persian \(۰–۹\) and Western \(0–9\) digits/, fix: /whole number in one kind of digits/ }],
  },
  {
    rule: 'digit-system', fixture: 'digit-system.fa-AF.md',
    expect: [{ line: 10, column: 13, message: /“٣٠٠٠” is written in Arabic-Indic \(٠–٩\) digits, which Dari does not use/, fix: /Write it in Persian \(۰–۹\) digits/ }],
  },
  {
    rule: 'zwnj-prefix', fixture: 'zwnj-prefix.fa.md',
    expect: [
      { line: 15, column: 30, message: /prefix می is separated from its verb by a space \(می مانند\)/, fix: /zero-width non-joiner .* می‌مانند/ },
      { line: 15, column: 41, message: /prefix نمی is joined to its verb without a zero-width non-joiner \(نمیدانند\)/, fix: /zero-width non-joiner .* نمی‌دانند/ },
    ],
  },
  {
    rule: 'invisible-characters', fixture: 'invisible-characters.ar.md',
    expect: [
      { line: 2, column: 13, message: /invisible character U\+200B ZERO WIDTH SPACE/, fix: /Delete it/ },
      { line: 17, column: 13, message: /invisible character U\+202E RIGHT-TO-LEFT OVERRIDE/, fix: /Delete it/ },
    ],
  },
  {
    rule: 'belarusian-letters', fixture: 'belarusian-letters.be.md',
    expect: [
      { line: 14, column: 6, message: /letter ъ is Russian; Belarusian does not use it/, fix: /Write ’ \(apostrophe\) instead/ },
      { line: 14, column: 7, message: /letter и is Russian; Belarusian does not use it/, fix: /Write і instead/ },
    ],
  },
  {
    rule: 'russian-letters', fixture: 'russian-letters.ru.md',
    expect: [{ line: 15, column: 6, message: /letter і is Belarusian or Ukrainian, not Russian/, fix: /Write и/ }],
  },
  {
    rule: 'homoglyph', fixture: 'homoglyph.ru.md',
    expect: [{ line: 17, column: 12, message: /“pавных” contains the Latin letter “p” \(U\+0070\).*Cyrillic “р”/, fix: /Retype the letter with the Cyrillic keyboard layout/ }],
  },
  {
    rule: 'quotes', fixture: 'quotes.de.md',
    expect: [
      { line: 12, column: 158, message: /quotation mark " is not used in German/, fix: /Use „…“ for quotations/ },
      { line: 12, column: 169, message: /quotation mark " is not used in German/, fix: /Use „…“ for quotations/ },
    ],
  },
  { rule: 'double-space', fixture: 'double-space.ru.md', expect: [{ line: 15, column: 7, message: /two or more spaces in a row/, fix: /single space/ }] },
  {
    rule: 'space-before-punctuation', fixture: 'space-before-punctuation.be.md',
    expect: [{ line: 12, column: 115, message: /space before “,”/, fix: /Remove the space, so “,” follows the word directly/ }],
  },
  // Fonts
  {
    rule: 'font-coverage', fixture: 'font-coverage.ru.md',
    expect: [{ line: 17, column: 33, message: /character “ꙮ” \(U\+A66E\) is not in the Russian regular fonts.*empty box/, fix: /Replace it with a common character/ }],
  },
  // Staleness
  {
    rule: 'source-fingerprint', fixture: 'source-fingerprint.de.md',
    expect: [{ line: 7, column: 9, message: /`source:` line is damaged/, fix: /Run `npm run stamp -- translations\/de\/sample\.md`/ }],
  },
  {
    rule: 'not-reviewed', fixture: 'not-reviewed.de.md',
    expect: [{ line: 1, column: 1, message: /Not yet reviewed: run npm run stamp after review.*published as a draft/, fix: /npm run stamp -- translations\/de\/sample\.md/ }],
  },
  {
    // The second list item is reworded since the translations were stamped.
    rule: 'stale-translation', name: 'a reworded English list item', source: reworded, file: 'translations/ru/sample.md',
    expect: [{ line: 15, column: 3, message: /changed since this translation was stamped: the text at statements\/sample\.md line 13 \(“People wait in fear of being deported\.”\)/, fix: /Update the translation.*npm run stamp -- translations\/ru\/sample\.md/ }],
  },
  {
    // A list item removed and the title reworded.
    rule: 'stale-translation', name: 'a removed English list item and a reworded title', file: 'translations/ru/sample.md',
    source: () => fixture('source.md').replace('- Families have frozen their lives.\n', '').replace('Humanitarian Visas"', 'Humanitarian Visas in Germany"'),
    expect: [
      { line: 2, column: 8, message: /the title \(“A Statement on Humanitarian Visas in Ge…”\) is new or reworded/, fix: /Update the translation to match/ },
      { line: 7, column: 9, message: /1 English block was removed/, fix: /Remove the translation of what the English text no longer has/ },
    ],
  },
  // Files
  {
    rule: 'encoding-bom', file: 'translations/de/sample.md',
    files: () => ({ 'translations/de/sample.md': `\uFEFF${stamped(fixture('good/de.md'))}` }),
    expect: [{ line: 1, column: 1, message: /starts with an invisible byte order mark \(BOM\)/, fix: /“UTF-8” rather than “UTF-8 with BOM”/ }],
  },
  {
    rule: 'line-endings', file: 'translations/ru/sample.md',
    files: () => ({ 'translations/ru/sample.md': fixture('good/ru.md').replace(/\n/g, '\r\n') }),
    expect: [{ line: 1, column: 1, message: /Windows line endings \(CRLF\)/, fix: /“LF” \(Unix\) line endings/ }],
  },
  {
    rule: 'check-ignore-comment', fixture: 'check-ignore-comment.ru.md',
    expect: [
      { line: 10, column: 1, message: /check-ignore comment gives no reason/, fix: /Add why the rule is wrong here after a colon/ },
      { line: 18, column: 1, message: /names “homoglif”, which is not a rule of the check/, fix: /Write the rule id exactly as the check prints it/ },
    ],
  },
  // Co-signers and events
  {
    rule: 'signatories-format', name: 'a javascript: link', source: BAD_LINK, file: SOURCE_FILE,
    expect: [{ line: lineOf(BAD_LINK(), 'javascript:'), column: 10, message: /“Free Belarus Initiative” \(javascript:alert\(1\)\) is not a web address/, fix: /https:\/\// }],
  },
  {
    rule: 'signatories-format', name: 'an entry without a name', source: NO_NAME, file: SOURCE_FILE,
    expect: [{ line: lineOf(NO_NAME(), 'url: https://a.example/'), column: 5, message: /^Signatory 1 has no name\.$/, fix: /name:/ }],
  },
  {
    rule: 'signatories-count', name: 'a translation with one signatory missing', source: civicSource, files: () => ({ [RU]: ONE_MISSING() }), file: RU,
    expect: [{ line: lineOf(ONE_MISSING(), 'signatories:') + 1, column: 3, message: /^This translation lists 2 signatories, the English text 3: 1 missing\.$/, fix: /Free Belarus Initiative.*remove the field|remove the field.*Free Belarus Initiative/s }],
  },
  {
    rule: 'signatories-links', name: 'a link other than the English entry’s', source: civicSource, files: () => ({ [RU]: OTHER_LINK() }), file: RU,
    expect: [{
      line: lineOf(OTHER_LINK(), 'Свободная Беларусь'), column: 5,
      message: /^Signatory 3 \(Свободная Беларусь\) links to https:\/\/elsewhere\.example\/, but the English entry Free Belarus Initiative links to https:\/\/free-belarus\.example\/\.$/,
      fix: /^Write url: https:\/\/free-belarus\.example\/ for this entry, and keep the entries in the English order\.$/,
    }],
  },
  {
    rule: 'event-format', name: 'a start that is no date and time, an unknown zone', source: BAD_EVENT, file: SOURCE_FILE,
    expect: [
      { line: lineOf(BAD_EVENT(), 'start:'), column: 10, message: /^The event’s start “12\.12\.2026 14:00” is not a date and time written YYYY-MM-DDTHH:MM\.$/, fix: /start: 2026-12-12T14:00/ },
      { line: lineOf(BAD_EVENT(), 'timezone:'), column: 13, message: /^“Berlin\/Mitte” is not a time zone name\.$/, fix: /IANA/ },
    ],
  },
  {
    rule: 'event-format', name: 'an event without a time zone', source: NO_ZONE, file: SOURCE_FILE,
    expect: [{ line: lineOf(NO_ZONE(), 'event:') + 1, column: 3, message: /no time zone/, fix: /timezone: Europe\/Berlin/ }],
  },
  {
    rule: 'event-match', name: 'a translated start time (the place may be translated)', source: civicSource, files: () => ({ [RU]: LATER() }), file: RU,
    expect: [{ line: lineOf(LATER(), 'start:'), column: 10, message: /^The event’s start is 2026-12-12T15:00 here but 2026-12-12T14:00 in the English text; the time of an event is not translated\.$/, fix: /^Write start: 2026-12-12T14:00, as in the English text\.$/ }],
  },
  {
    rule: 'event-match', name: 'another time zone', source: civicSource, files: () => ({ [RU]: MOSCOW() }), file: RU,
    expect: [{ line: lineOf(MOSCOW(), 'timezone:'), column: 13, message: /timezone is Europe\/Moscow here but Europe\/Berlin/, fix: /^Write timezone: Europe\/Berlin, as in the English text\.$/ }],
  },
];

/** The file a fixture replaces: `x.<lang>.md` the translation, `x.<lang>.json` the UI strings. */
function target(name: string): string {
  const [, lang, ext] = /\.([a-zA-Z-]+)\.(md|json)$/.exec(name)!;
  return ext === 'json' ? `translations/${lang}/ui.json` : `translations/${lang}/${SLUG}.md`;
}

function label(row: Row): string {
  return `${row.rule}: ${row.name ?? row.fixture ?? row.file}`;
}

describe('each rule', () => {
  it.each(ROWS.map((row) => [label(row), row] as const))('%s', async (_, row) => {
    const file = row.fixture ? target(row.fixture) : row.file!;
    const files = row.fixture ? { [file]: fixture(`fail/${row.fixture}`) } : row.files?.() ?? {};
    const report = await check(files, { ...row.options, source: row.source?.() });
    const found = report.diagnostics.filter((d) => d.rule === row.rule && d.file === file);
    expect(found.map((d) => ({ rule: d.rule, file: d.file, line: d.line, column: d.column })))
      .toEqual(row.expect.map((e) => ({ rule: row.rule, file, line: e.line, column: e.column })));
    row.expect.forEach((e, i) => {
      expect(found[i].message, `message of diagnostic ${i + 1}`).toMatch(e.message);
      expect(found[i].fix ?? '', `fix of diagnostic ${i + 1}`).toMatch(e.fix);
    });
  });

  it('covers every rule of the check', async () => {
    const { RULES } = await import('../../src/check/index.js');
    const covered = new Set(ROWS.map((r) => r.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports nothing on a source with co-signers and an event, and translations without them (they show the English)', async () => {
    const report = await check({}, { source: civicSource() });
    expect(report.diagnostics).toEqual([]);
  });

  it('reports nothing on the good translations in every language', async () => {
    const report = await check();
    expect(report.diagnostics).toEqual([]);
  });
});

// What a row cannot say: severities, what a diagnostic does to publication, and options.
describe('what the diagnostics do', () => {
  it('missing-translation is news (info), not an error: the language is pending and the others are published', async () => {
    const report = await check({ 'translations/fa/sample.md': null });
    expect(report.diagnostics.find((x) => x.rule === 'missing-translation')!.severity).toBe('info');
    expect(report.errorCount).toBe(0);
    expect(report.matrix.find((m) => m.lang === 'fa')!.status).toBe('pending');
    expect(report.pending).toEqual([{ slug: 'sample', lang: 'fa', file: 'translations/fa/sample.md' }]);
    expect(report.publishable('sample', 'fa')).toBe(false);
    expect(report.publishable('sample', 'ru')).toBe(true);
  });

  it('missing-translation can be made an error again, and respects --lang', async () => {
    expect((await check({ 'translations/fa/sample.md': null }, { severity: { 'missing-translation': 'error' } })).errorCount).toBe(1);
    expect(places(await check({ 'translations/fa/sample.md': null }, { langs: ['ru'] }), 'missing-translation')).toEqual([]);
  });

  it('missing-ui blocks the publication of that language', async () => {
    expect((await check({ 'translations/be/ui.json': null })).publishable('sample', 'be')).toBe(false);
  });

  it('not-reviewed is a warning: the translation is published as a draft', async () => {
    const report = await check({ 'translations/de/sample.md': fixture('fail/not-reviewed.de.md') });
    expect(report.diagnostics.find((x) => x.rule === 'not-reviewed')!.severity).toBe('warning');
    expect(report.diagnostics.filter((x) => x.file === 'translations/de/sample.md' && x.severity === 'error')).toEqual([]);
    expect(report.matrix.find((m) => m.lang === 'de')!.status).toBe('draft');
    expect(report.publishable('sample', 'de')).toBe(true);
  });

  it('stale-translation is a warning: the translation is marked stale and still published', async () => {
    const report = await check({}, { source: reworded() });
    expect(report.diagnostics.find((x) => x.rule === 'stale-translation')!.severity).toBe('warning');
    expect(report.matrix.find((m) => m.lang === 'ru')!.status).toBe('stale');
    expect(report.publishable('sample', 'ru')).toBe(true);
  });

  it('stale-translation is quiet when the English text only changed in spacing or date', async () => {
    const changed = fixture('source.md').replace('2026-11-24', '2026-11-25').replace('\nWe demand equal', '\nWe  demand\nequal');
    expect(places(await check({}, { source: changed }), 'stale-translation')).toEqual([]);
  });

  it('a file with a byte order mark is read anyway', async () => {
    const report = await check({ 'translations/de/sample.md': `\uFEFF${stamped(fixture('good/de.md'))}` });
    expect(report.errorCount).toBe(0);
  });

  it('a file with CRLF line endings is still checked, with the right line numbers', async () => {
    const report = await check({ 'translations/ru/sample.md': fixture('fail/homoglyph.ru.md').replace(/\n/g, '\r\n') });
    expect(places(report, 'homoglyph')).toEqual([['translations/ru/sample.md', 17]]);
  });
});
