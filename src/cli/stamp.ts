/**
 * `npm run stamp -- translations/<lang>/<statement>.md …`: record, after review, which version
 * of the English text each translation translates. Writes one front matter line, e.g.
 *
 *   source: 5f3a9c0e21b7 1c2d 3e4f …
 *
 * and leaves every other byte of the file as it was. Exit 0 when all files were stamped, 1
 * when some could not be, 2 on wrong usage or an internal failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findStatement, loadRepository, type Repository } from '../content/index.js';
import { fingerprint, formatFingerprint, stampText } from '../check/fingerprint.js';

const USAGE = 'Usage: npm run stamp -- translations/<language>/<statement>.md [more files…]';

/** Stamp one file; returns a plain-language problem, or undefined when done. */
export function stampFile(repo: Repository, file: string): { ok: true; value: string } | { ok: false; problem: string } {
  const rel = path.relative(repo.root, path.resolve(file)).split(path.sep).join('/');
  const match = /^translations\/([^/]+)\/([^/]+)\.md$/.exec(rel);
  if (!match) return { ok: false, problem: `${file}: not a translation; give files like translations/ru/${repo.statements[0]?.slug ?? 'statement'}.md.` };
  const [, tag, slug] = match;
  const lang = repo.languages.find((l) => l.tag === tag);
  if (!lang || lang.source) return { ok: false, problem: `${rel}: “${tag}” is not a translation language.` };
  const source = findStatement(repo, slug);
  if (!source) return { ok: false, problem: `${rel}: there is no English statement statements/${slug}.md.` };
  if (source.file.messages.some((m) => m.fatal)) return { ok: false, problem: `${rel}: the English statement ${source.path} has errors; run npm run check first.` };
  if (!fs.existsSync(path.join(repo.root, rel))) return { ok: false, problem: `${rel}: the file does not exist.` };
  if (repo.problems.some((p) => p.path === rel)) return { ok: false, problem: `${rel}: the file cannot be read as text; run npm run check to see why.` };
  const abs = path.join(repo.root, rel);
  const raw = fs.readFileSync(abs, 'utf8');
  const value = formatFingerprint(fingerprint(source));
  const stamped = stampText(raw, value);
  if (stamped === undefined) return { ok: false, problem: `${rel}: the file has no front matter block (--- … ---) to write into; run npm run check.` };
  if (stamped !== raw) fs.writeFileSync(abs, stamped);
  return { ok: true, value };
}

export function main(argv: string[], root = process.cwd()): number {
  const files = argv.filter((a) => a !== '--');
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const repo = loadRepository(root);
  let failed = 0;
  for (const file of files) {
    const result = stampFile(repo, file);
    if (result.ok) process.stdout.write(`Stamped ${path.relative(root, path.resolve(file))} (source ${result.value.split(' ')[0]})\n`);
    else {
      failed++;
      process.stderr.write(`${result.problem}\n`);
    }
  }
  return failed ? 1 : 0;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`Stamping failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
