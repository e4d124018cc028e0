/**
 * Site-wide settings organisers may change, read from `site.yaml` at the top of the repository:
 * the web address (main and this build's), mirrors, the organisation's name, the colours, the
 * contact, joining and the imprint. Everything language-specific lives in the UI strings.
 *
 * The file is read and checked when this module loads; a mistake stops with `site.yaml:line:column:`
 * and what is wrong (SiteConfigError). `PSL_BASE_URL` sets this build's own address (a mirror's
 * QR codes, page links to itself); `PSL_SHORT_URL` the short address. Canonical links always
 * point at `canonicalUrl`, the main address from site.yaml.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from './languages.js';
import { LineCounter, parseDocument, isMap, isSeq, type Document as YamlDocument } from 'yaml';

export interface Mirror {
  /** Absolute URL of the mirror's copy of dist/, ending in /. */
  url: string;
  /** What the footer shows; the host name when not given. */
  name: string;
}

export interface SiteSettings {
  /** Absolute URL of this build's copy of dist/, ending in /: PSL_BASE_URL, else canonicalUrl. QR codes and og:image start here. */
  baseUrl: string;
  /** The main address, ending in /: canonical, hreflang, sitemap and feed URLs always start here, on mirrors too. */
  canonicalUrl: string;
  /** The short address printed on share images and PDFs. */
  shortUrl: string;
  /** The organisation's name in English. */
  organisation: string;
  /** The organisation's name per language tag (en always present). */
  name: Record<string, string>;
  /** Other addresses with a copy of the site. */
  mirrors: Mirror[];
  colours: { ink: string; paper: string; accent: string; muted: string };
  contact: { email?: string; url?: string };
  /** Where readers can join: the English link and text, and any language's own (joinFor picks one). */
  join: JoinSettings;
  /** Who answers for what is published: the Impressum and the leaflets' V.i.S.d.P. line. */
  imprint: { responsible: string; address: string[]; email?: string };
}

/** A link (web or mailto) and/or a sentence to show with it. */
export interface JoinEntry {
  url?: string;
  text?: string;
}

export interface JoinSettings extends JoinEntry {
  url: string;
  /** Per language tag, what differs from English. */
  languages: Record<string, JoinEntry>;
}

/**
 * The call to action in one language: its own url and text where given; else English's url,
 * and English's text only on English pages (other pages say their UI string, in their words).
 */
export function joinFor(site: Pick<SiteSettings, 'join'>, lang: string): JoinEntry & { url: string } {
  const own = site.join.languages[lang] ?? {};
  const text = own.text ?? (lang === 'en' ? site.join.text : undefined);
  return text ? { url: own.url ?? site.join.url, text } : { url: own.url ?? site.join.url };
}

/** A mistake in site.yaml, with its place: `message` reads `site.yaml:12:3: …`. */
export class SiteConfigError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly problem: string) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'SiteConfigError';
  }
}

/** The checkout this code runs from (compiled code runs from .cache/code/<hash>/, so searched). */
export const PROJECT_ROOT = ((from: string) => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'site.yaml')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
})(path.dirname(fileURLToPath(import.meta.url)));

export const SITE_FILE = 'site.yaml';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * Parse and check the text of site.yaml. `file` is the name used in messages; `env` supplies
 * PSL_BASE_URL and PSL_SHORT_URL.
 */
export function parseSite(text: string, file = SITE_FILE, env: Record<string, string | undefined> = process.env): SiteSettings {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, problem: string): never => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    throw new SiteConfigError(file, line, col, problem);
  };
  const first = doc.errors[0];
  if (first) at(first.pos[0], `This is not valid YAML: ${first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`);
  if (!isMap(doc.contents)) at(0, 'The file must be a list of settings (name:, base_url:, colours: …), see the comments in the original site.yaml.');

  const node = (keys: string[]) => doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
  /** Where a setting is, or where its parent is when it is missing. */
  const place = (keys: string[]): number => {
    for (let n = keys.length; n > 0; n--) {
      const found = node(keys.slice(0, n));
      if (found?.range) return found.range[0];
    }
    return 0;
  };
  const name = (keys: (string | number)[]) => keys.join('.');
  const string = (keys: string[], check?: (v: string) => string | undefined): string => {
    const value = (doc as YamlDocument).getIn(keys);
    if (value === undefined || value === null || value === '') at(place(keys), `The setting “${name(keys)}” is missing; add it (see the comments in site.yaml).`);
    if (typeof value !== 'string') at(place(keys), `The setting “${name(keys)}” must be text, not ${JSON.stringify(value)}.`);
    const problem = check?.(value as string);
    if (problem) at(place(keys), `The setting “${name(keys)}” ${problem}`);
    return value as string;
  };
  const url = (v: string) => {
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return `must be a web address starting with https:// (found “${v}”).`;
    } catch {
      return `must be a full web address such as https://example.org/statements/ (found “${v}”).`;
    }
    return undefined;
  };
  const slash = (v: string) => v.replace(/\/?$/, '/');

  const names: Record<string, string> = {};
  const nameNode = doc.get('name', true);
  if (!isMap(nameNode)) at(place(['name']), 'The setting “name” is missing or not a list of languages (en: Post-Soviet Left …).');
  for (const item of (nameNode as { items: Array<{ key: unknown }> }).items) {
    const key = String((item.key as { value?: unknown })?.value ?? item.key);
    names[key] = string(['name', key]);
  }
  if (!names.en) string(['name', 'en']);

  const colours = {
    ink: string(['colours', 'ink'], colour),
    paper: string(['colours', 'paper'], colour),
    accent: string(['colours', 'accent'], colour),
    muted: string(['colours', 'muted'], colour),
  };

  const mirrors: Mirror[] = [];
  const mirrorsNode = doc.get('mirrors', true);
  if (mirrorsNode !== undefined && mirrorsNode !== null && !isSeq(mirrorsNode)) at(place(['mirrors']), 'The setting “mirrors” must be a list (each entry starting with “- url:”), or [] for none.');
  if (isSeq(mirrorsNode)) {
    mirrorsNode.items.forEach((_, i) => {
      const keys = ['mirrors', String(i)];
      const mirrorPath = ['mirrors', i] as unknown as string[];
      const u = slash(string([...mirrorPath, 'url'] as string[], url));
      const given = (doc as YamlDocument).getIn([...mirrorPath, 'name']);
      if (given !== undefined && typeof given !== 'string') at(place([...mirrorPath, 'name']), `The setting “${keys.join('.')}.name” must be text.`);
      mirrors.push({ url: u, name: typeof given === 'string' && given ? given : new URL(u).host });
    });
  }

  const contactNode = doc.get('contact', true);
  if (!isMap(contactNode)) at(place(['contact']), 'The setting “contact” is missing; give an email: or url: under it.');
  const contact: SiteSettings['contact'] = {};
  if (doc.getIn(['contact', 'email']) !== undefined) contact.email = string(['contact', 'email'], (v) => (/^[^@\s]+@[^@\s]+$/.test(v) ? undefined : `must be an email address (found “${v}”).`));
  if (doc.getIn(['contact', 'url']) !== undefined) contact.url = string(['contact', 'url'], url);
  if (!contact.email && !contact.url) at(place(['contact']), 'The setting “contact” needs an email: or a url:.');

  const canonicalUrl = slash(string(['base_url'], url));
  const override = env.PSL_BASE_URL?.trim();
  if (override && url(override)) throw new SiteConfigError('PSL_BASE_URL', 1, 1, `PSL_BASE_URL ${url(override)}`);
  return {
    baseUrl: override ? slash(override) : canonicalUrl,
    canonicalUrl,
    shortUrl: env.PSL_SHORT_URL?.trim() || string(['short_url']),
    organisation: names.en,
    name: names,
    mirrors,
    colours,
    contact,
    join: readJoin(),
    imprint: readImprint(),
  };

  function readJoin(): JoinSettings {
    if (!isMap(doc.get('join', true))) at(place(['join']), 'The setting “join” is missing; give url: (a web page or mailto:address) under it.');
    const link = (v: string) => (/^mailto:[^@\s]+@[^@\s]+$/.test(v) ? undefined : url(v));
    const text = (keys: string[]) => ((doc as YamlDocument).getIn(keys) === undefined ? undefined : string(keys));
    const join: JoinSettings = { url: string(['join', 'url'], link), languages: {} };
    const english = text(['join', 'text']);
    if (english) join.text = english;
    for (const item of (doc.get('join', true) as { items: Array<{ key: unknown }> }).items) {
      const key = String((item.key as { value?: unknown })?.value ?? item.key);
      if (key === 'url' || key === 'text') continue;
      if (!LANGUAGES.some((l) => l.tag === key)) {
        at(place(['join', key]), `The setting “join.${key}” is not a language of the site (${LANGUAGES.map((l) => l.tag).join(', ')}); write url:, text:, or a language tag with url: and/or text: under it.`);
      }
      if (!isMap(doc.getIn(['join', key], true))) at(place(['join', key]), `The setting “join.${key}” must list url: and/or text: for that language, one per line, indented.`);
      const entry: JoinEntry = {};
      if ((doc as YamlDocument).getIn(['join', key, 'url']) !== undefined) entry.url = string(['join', key, 'url'], link);
      const own = text(['join', key, 'text']);
      if (own) entry.text = own;
      if (!entry.url && !entry.text) at(place(['join', key]), `The setting “join.${key}” needs a url: or a text:.`);
      join.languages[key] = entry;
    }
    return join;
  }

  function readImprint(): SiteSettings['imprint'] {
    const responsible = string(['imprint', 'responsible']);
    const given = (doc as YamlDocument).getIn(['imprint', 'address']);
    let address: string[] = [];
    if (typeof given === 'string') address = given.split('\n');
    else if (isSeq(doc.getIn(['imprint', 'address'], true))) address = (doc.getIn(['imprint', 'address'], true) as { items: unknown[] }).items.map((_, i) => string(['imprint', 'address', i] as unknown as string[]));
    else if (given !== undefined && given !== null) at(place(['imprint', 'address']), 'The setting “imprint.address” must be the postal address as text, or a list of its lines.');
    address = address.map((l) => l.trim()).filter(Boolean);
    const imprint: SiteSettings['imprint'] = { responsible, address };
    if ((doc as YamlDocument).getIn(['imprint', 'email']) !== undefined) imprint.email = string(['imprint', 'email'], (v) => (/^[^@\s]+@[^@\s]+$/.test(v) ? undefined : `must be an email address (found “${v}”).`));
    return imprint;
  }
}

function colour(v: string): string | undefined {
  return COLOUR.test(v) ? undefined : `must be a colour written #rrggbb, such as #b3121b (found “${v}”).`;
}

/** Read and check a site.yaml file (by default the repository's). */
export function readSite(file = path.join(PROJECT_ROOT, SITE_FILE), env: Record<string, string | undefined> = process.env): SiteSettings {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SiteConfigError(path.basename(file), 1, 1, `The settings file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it belongs at the top of the repository.`);
  }
  return parseSite(text, path.relative(process.cwd(), file) || SITE_FILE, env);
}

/** The settings of this run. */
export const SITE: SiteSettings = readSite();
