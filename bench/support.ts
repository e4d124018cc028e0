/**
 * The build's benchmark sections for `npm run bench`: cold build, warm rebuilds (command
 * line and dev server), the chromium baseline, and scale. Everything runs on temporary
 * copies of the content, never on this checkout's dist/ or .cache/.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_DIR } from '../src/build/hash.js';
import { startDevServer } from '../src/build/dev.js';
import { SHARE_IMAGES } from '../src/publication.js';
import type { Manifest } from '../src/build/manifest.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export interface CommandRun {
  wallMs: number;
  code: number | null;
  stderr: string;
  stats?: { sinceStart: number; ms: number; built: number; cached: number; files: number; maxRssKb: number; cpuMs: number };
}

/** The node flags of `npm run build` (package.json), so that the command is the one organisers run. */
const NODE_FLAGS = (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')).scripts.build as string).split(' ').filter((w) => w.startsWith('--'));

/** A fresh copy of this checkout's statements/ and translations/ in a temporary folder. */
export function copyContent(from = PROJECT_DIR): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-bench-'));
  for (const dir of ['statements', 'translations']) fs.cpSync(path.join(from, dir), path.join(root, dir), { recursive: true });
  return root;
}

/**
 * Mark every translation of a copy as reviewed (`npm run stamp`), so the benchmark measures
 * all seven languages while translators are still at work. Only ever on temporary copies.
 */
export async function stampAll(root: string): Promise<void> {
  const { stampFile } = await import('../src/cli/stamp.js');
  const { loadRepository } = await import('../src/content/index.js');
  const repo = loadRepository(root);
  for (const doc of repo.translations) stampFile(repo, path.join(root, doc.path));
}

/**
 * The command `npm run build` runs (a new process, start-up included), on `root`; with `viaNpm`,
 * through npm itself, whose own start-up comes on top.
 */
export function runBuildCommand(root: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, viaNpm = false): Promise<CommandRun> {
  const start = performance.now();
  const buildArgs = ['--root', root, '--quiet', ...args];
  const [command, commandArgs] = viaNpm
    ? ['npm', ['run', 'build', '--silent', '--', ...buildArgs]]
    : [process.execPath, [...NODE_FLAGS, path.join(PROJECT_DIR, 'src/cli/launch.js'), 'build', ...buildArgs]];
  const child = spawn(command, commandArgs, {
    cwd: PROJECT_DIR,
    env: { ...process.env, PSL_BUILD_STATS: '1', CI: 'true', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const line = /PSL_BUILD_STATS (.*)/.exec(stderr)?.[1];
      resolve({ wallMs: performance.now() - start, code, stderr: stderr.replace(/PSL_BUILD_STATS .*\n?/, ''), stats: line ? JSON.parse(line) : undefined });
    }),
  );
}

/**
 * Change one translation the way a translator's small fix would: one word of its last
 * paragraph written twice (each call adds one more). The body changes, so its page and PDFs
 * are made again; its title and quote do not, so its share images stay as they were.
 */
export function touchTranslation(root: string): string {
  const file = firstTranslation(root);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const at = text.trimEnd().search(/\S+\s*$/);
  const word = /^[^\s.,;:!?؟،»”)]+/.exec(text.slice(at))?.[0];
  if (!word) throw new Error(`no word to change at the end of ${file}`);
  fs.writeFileSync(path.join(root, file), `${text.slice(0, at)}${word} ${text.slice(at)}`);
  return file;
}

/** Change the title of one translation: its page, PDFs and share images are all made again. */
export function retitleTranslation(root: string): string {
  const file = firstTranslation(root);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  fs.writeFileSync(path.join(root, file), text.replace(/^title: "(\S+)/m, 'title: "$1 $1'));
  return file;
}

function firstTranslation(root: string): string {
  const dir = path.join(root, 'translations');
  for (const lang of fs.readdirSync(dir).filter((l) => l !== 'en').sort()) {
    const files = fs.readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.md')).sort();
    if (files.length > 0) return path.join('translations', lang, files[0]!);
  }
  throw new Error('no translation to change');
}

/** The dev server's rebuild after one saved translation, in process (exporters already loaded). */
export async function warmDevRebuild(root: string, rounds = 3): Promise<{ ms: number[]; saveToReloadMs: number[] }> {
  const server = await startDevServer({ root, port: 0, log: () => {} });
  const ms: number[] = [];
  const saveToReloadMs: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      // As a translator saves: the watcher notices, the pages are rebuilt and the browser told to reload.
      const next = server.nextBuild();
      const saved = performance.now();
      touchTranslation(root);
      await next;
      saveToReloadMs.push(server.timings.reloadAt - saved);
      ms.push(server.timings.ms);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await server.close();
  }
  return { ms, saveToReloadMs };
}

/**
 * The organiser's way without this project: headless chromium prints each built HTML page to
 * A4 and A5 PDFs and screenshots it at the five share-card sizes. Browser start included.
 */
export async function chromiumBaseline(root: string): Promise<{ ms: number; launchMs: number; pages: number; files: number }> {
  const { chromium } = await import('playwright-core');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')) as Manifest;
  const pages = manifest.artefacts.filter((a) => a.kind === 'html' && a.statement && a.language && a.path.endsWith(`${a.language}/index.html`));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-baseline-'));
  const start = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const launchMs = performance.now() - start;
  let files = 0;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const entry of pages) {
      const url = `file://${path.join(root, 'dist', entry.path)}`;
      await page.goto(url, { waitUntil: 'load' });
      await page.pdf({ path: path.join(out, `${entry.language}-a4.pdf`), format: 'A4', printBackground: true });
      await page.pdf({ path: path.join(out, `${entry.language}-a5.pdf`), format: 'A5', printBackground: true });
      files += 2;
      for (const image of SHARE_IMAGES) {
        await page.setViewportSize({ width: image.width, height: image.height });
        await page.screenshot({ path: path.join(out, `${entry.language}-${image.file}`), type: image.file.endsWith('.jpg') ? 'jpeg' : 'png' });
        files++;
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
  return { ms: performance.now() - start, launchMs, pages: pages.length, files };
}

/** `count` synthetic statements: copies of each real statement and its translations under new names. */
export function syntheticContent(count: number, from = PROJECT_DIR): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-scale-'));
  const sources = fs.readdirSync(path.join(from, 'statements')).filter((f) => f.endsWith('.md')).sort();
  fs.mkdirSync(path.join(root, 'statements'));
  const langs = fs.readdirSync(path.join(from, 'translations')).sort();
  for (const lang of langs) {
    fs.mkdirSync(path.join(root, 'translations', lang), { recursive: true });
    const ui = path.join(from, 'translations', lang, 'ui.json');
    if (fs.existsSync(ui)) fs.copyFileSync(ui, path.join(root, 'translations', lang, 'ui.json'));
  }
  for (let i = 0; i < count; i++) {
    const file = sources[i % sources.length];
    const slug = `${file.slice(0, -3)}-${String(i + 1).padStart(3, '0')}`;
    fs.copyFileSync(path.join(from, 'statements', file), path.join(root, 'statements', `${slug}.md`));
    for (const lang of langs) {
      const translation = path.join(from, 'translations', lang, file);
      if (fs.existsSync(translation)) fs.copyFileSync(translation, path.join(root, 'translations', lang, `${slug}.md`));
    }
  }
  return root;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
