/** Temporary repositories for the build's tests: small, synthetic, thrown away afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { stampAll } from '../../bench/support.js';

export const FAKE_RENDERERS = new URL('./fixtures/renderers.ts', import.meta.url).href;
export const PROJECT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const UI = JSON.stringify({ site: { name: 'Post-Soviet Left' } });

export function statement(title: string, body: string, extra = ''): string {
  return `---\ntitle: "${title}"\nsummary: "A summary."\ndate: 2026-11-24\nquote: "A quote."\n${extra}---\n\n${body}\n`;
}

/** A repository with `slugs` statements, each translated into `langs`. */
export function tempRepo(slugs: string[] = ['alpha'], langs: string[] = ['ru', 'de', 'fa']): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-build-'));
  fs.mkdirSync(path.join(root, 'statements'));
  fs.mkdirSync(path.join(root, 'translations', 'en'), { recursive: true });
  fs.writeFileSync(path.join(root, 'translations', 'en', 'ui.json'), UI);
  for (const slug of slugs) fs.writeFileSync(path.join(root, 'statements', `${slug}.md`), statement(`Statement ${slug}`, `Body of ${slug}.`));
  for (const lang of langs) {
    fs.mkdirSync(path.join(root, 'translations', lang), { recursive: true });
    fs.writeFileSync(path.join(root, 'translations', lang, 'ui.json'), UI);
    for (const slug of slugs) writeTranslation(root, lang, slug, `Translation of ${slug} into ${lang}.`);
  }
  return root;
}

export function writeTranslation(root: string, lang: string, slug: string, body: string): void {
  fs.writeFileSync(path.join(root, 'translations', lang, `${slug}.md`), statement(`${slug} (${lang})`, body));
}

/** path → sha256 of every file under `dir` (empty when it does not exist). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(dir, abs).split(path.sep).join('/')] = createHash('sha256').update(fs.readFileSync(abs)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function removeRepo(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/**
 * A copy of this checkout's real statements/ and translations/, with every translation
 * stamped as reviewed (so the check's fingerprint rule passes while translators work).
 */
export async function realCopy(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-real-'));
  for (const dir of ['statements', 'translations']) fs.cpSync(path.join(PROJECT, dir), path.join(root, dir), { recursive: true });
  await stampAll(root);
  return root;
}
