/**
 * Check benchmark: 100 synthetic statements × 7 languages (the real statement and its six
 * translations, copied under 100 names into a temp repository), loaded and checked. Font
 * coverage is prepared once before timing, as the CLI and the build do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRepository } from '../../src/content/index.js';
import { targetLanguages } from '../../src/languages.js';
import { checkRepository, prepareCheck } from '../../src/check/index.js';
import { fingerprint, formatFingerprint, stampText } from '../../src/check/fingerprint.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SLUG = 'humanitarian-visas';
const COUNT = 100;

function syntheticRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-bench-check-'));
  const source = fs.readFileSync(path.join(ROOT, 'statements', `${SLUG}.md`), 'utf8');
  fs.mkdirSync(path.join(dir, 'statements'));
  fs.writeFileSync(path.join(dir, 'statements', `${SLUG}.md`), source);
  const stamp = formatFingerprint(fingerprint(loadRepository(dir).statements[0]));
  for (let i = 0; i < COUNT; i++) fs.writeFileSync(path.join(dir, 'statements', `statement-${i}.md`), source);
  fs.rmSync(path.join(dir, 'statements', `${SLUG}.md`));
  for (const lang of ['en', ...targetLanguages().map((l) => l.tag)]) {
    const from = path.join(ROOT, 'translations', lang);
    const to = path.join(dir, 'translations', lang);
    fs.mkdirSync(to, { recursive: true });
    fs.copyFileSync(path.join(from, 'ui.json'), path.join(to, 'ui.json'));
    if (lang === 'en') continue;
    const text = fs.readFileSync(path.join(from, `${SLUG}.md`), 'utf8');
    const stamped = stampText(text, stamp) ?? text;
    for (let i = 0; i < COUNT; i++) fs.writeFileSync(path.join(to, `statement-${i}.md`), stamped);
  }
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  let t = performance.now();
  await prepareCheck();
  const prepare = performance.now() - t;
  const dir = syntheticRepository();
  try {
    const load: number[] = [];
    const check: number[] = [];
    const loadCpu: number[] = [];
    const checkCpu: number[] = [];
    const cpuSince = (start: NodeJS.CpuUsage) => { const u = process.cpuUsage(start); return (u.user + u.system) / 1000; };
    let diagnostics = 0;
    for (let run = 0; run < 3; run++) {
      let usage = process.cpuUsage();
      t = performance.now();
      const repo = loadRepository(dir);
      load.push(performance.now() - t);
      loadCpu.push(cpuSince(usage));
      usage = process.cpuUsage();
      t = performance.now();
      diagnostics = checkRepository(repo).diagnostics.length;
      check.push(performance.now() - t);
      checkCpu.push(cpuSince(usage));
    }
    const total = load.map((l, i) => l + check[i]);
    // Wall time depends on what else the machine runs; CPU time (all threads, GC included) less so.
    return [
      { name: 'check: prepare font coverage (once per process)', value: Math.round(prepare), unit: 'ms' },
      { name: `check: load (parse) ${COUNT} statements × 7 languages`, value: Math.round(median(load)), unit: 'ms' },
      { name: `check: load, CPU time`, value: Math.round(median(loadCpu)), unit: 'ms' },
      { name: `check: run all rules on ${COUNT} × 7`, value: Math.round(median(check)), unit: 'ms', target: '< 2000 ms' },
      { name: `check: run all rules, CPU time`, value: Math.round(median(checkCpu)), unit: 'ms' },
      { name: `check: load + check ${COUNT} × 7 (${diagnostics} diagnostics)`, value: Math.round(median(total)), unit: 'ms', target: '< 2000 ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
