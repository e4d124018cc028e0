/** site.yaml: read at load, and every mistake named with the file, line and column. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSite, readSite, SITE, SiteConfigError } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEXT = fs.readFileSync(path.join(ROOT, 'site.yaml'), 'utf8');
const noEnv = {};

function problem(text: string, env: Record<string, string> = {}): string {
  try {
    parseSite(text, 'site.yaml', env);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('site.yaml', () => {
  it('gives SITE the shape the code uses', () => {
    const site = parseSite(TEXT, 'site.yaml', noEnv);
    expect(site.canonicalUrl).toBe('https://postsovietleft.org/statements/');
    expect(site.baseUrl).toBe(site.canonicalUrl);
    expect(site.shortUrl).toBe('postsovietleft.org');
    expect(site.organisation).toBe('Post-Soviet Left');
    expect(Object.keys(site.name)).toEqual(['en', 'ru', 'be', 'de', 'fa-AF', 'ar', 'fa']);
    expect(site.colours).toEqual({ ink: '#1a1a1a', paper: '#f6f1e7', accent: '#b3121b', muted: '#5c5650' });
    expect(site.mirrors).toEqual([]);
    expect(site.join.url).toMatch(/^https:\/\//);
    expect(site.imprint.responsible).toBeTruthy();
    expect(SITE.colours).toEqual(site.colours);
  });

  it('PSL_BASE_URL sets this build’s address, the canonical address stays; PSL_SHORT_URL the short one', () => {
    const site = parseSite(TEXT, 'site.yaml', { PSL_BASE_URL: 'https://mirror.example/psl', PSL_SHORT_URL: 'mirror.example' });
    expect(site.baseUrl).toBe('https://mirror.example/psl/');
    expect(site.canonicalUrl).toBe('https://postsovietleft.org/statements/');
    expect(site.shortUrl).toBe('mirror.example');
    expect(problem(TEXT, { PSL_BASE_URL: 'mirror' })).toMatch(/^PSL_BASE_URL:1:1: PSL_BASE_URL must be a full web address/);
  });

  it('reads mirrors, with the host as their name by default', () => {
    const text = TEXT.replace('mirrors: []', 'mirrors:\n  - url: https://a.example/s\n  - url: https://b.example/\n    name: B');
    expect(parseSite(text, 'site.yaml', noEnv).mirrors).toEqual([{ url: 'https://a.example/s/', name: 'a.example' }, { url: 'https://b.example/', name: 'B' }]);
    expect(problem(TEXT.replace('mirrors: []', 'mirrors:\n  - url: a.example'))).toMatch(/^site\.yaml:\d+:\d+: The setting “mirrors\.0\.url” must be a full web address/);
  });

  it('names the line of broken YAML', () => {
    const text = TEXT.replace('  paper: \'#f6f1e7\'', '  paper: \'#f6f1e7');
    expect(problem(text)).toMatch(/^site\.yaml:\d+:\d+: This is not valid YAML: /);
    const dup = TEXT.replace('short_url: postsovietleft.org', 'short_url: a\nshort_url: b');
    expect(problem(dup)).toMatch(new RegExp(`^site\\.yaml:${lineOf('short_url') + 1}:1: This is not valid YAML: .*unique`));
  });

  it('names a missing setting at its parent, a wrong one at its value', () => {
    expect(problem(TEXT.replace(/^base_url: .*$/m, ''))).toBe('site.yaml:1:1: The setting “base_url” is missing; add it (see the comments in site.yaml).');
    expect(problem(TEXT.replace(/^ {2}responsible: .*$/m, '  other: x'))).toBe(`site.yaml:${lineOf('  responsible:')}:3: The setting “imprint.responsible” is missing; add it (see the comments in site.yaml).`);
    expect(problem(TEXT.replace("accent: '#b3121b'", 'accent: red'))).toBe(`site.yaml:${lineOf('accent:')}:11: The setting “colours.accent” must be a colour written #rrggbb, such as #b3121b (found “red”).`);
    expect(problem(TEXT.replace(/^base_url: .*$/m, 'base_url: 42'))).toBe(`site.yaml:${lineOf('base_url:')}:11: The setting “base_url” must be text, not 42.`);
    expect(problem('- a\n- b\n')).toMatch(/^site\.yaml:1:1: The file must be a list of settings/);
  });

  it('says when the file cannot be read', () => {
    expect(() => readSite(path.join(ROOT, 'no-such-site.yaml'))).toThrow(/^no-such-site\.yaml:1:1: The settings file could not be read \(ENOENT\)/);
  });
});
