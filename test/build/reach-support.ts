/** The reach test content: the real repository plus a rally statement with co-signers and an event (en, ru, fa, ar). */
import fs from 'node:fs';
import path from 'node:path';
import { copyContent } from '../support/repo.js';

export const REACH_SLUG = 'rally';
export const REACH_LANGS = ['en', 'ru', 'fa', 'ar'];
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'reach');

export function reachFixture(lang: string): string {
  return fs.readFileSync(path.join(FIXTURES, `${REACH_SLUG}.${lang}.md`), 'utf8');
}

/** A copy of the real content with the rally added; `replace` gives other texts per language. */
export function reachRepo(replace: Record<string, string> = {}): string {
  const dir = copyContent('psl-reach-');
  for (const lang of REACH_LANGS) {
    const rel = lang === 'en' ? `statements/${REACH_SLUG}.md` : `translations/${lang}/${REACH_SLUG}.md`;
    fs.writeFileSync(path.join(dir, rel), replace[lang] ?? reachFixture(lang));
  }
  return dir;
}
