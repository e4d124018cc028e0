/**
 * `npm run bench`: how fast the build is, measured on this machine.
 *
 *   Cold      the full build of the real content from a cleared cache (a new process, start-up included)
 *   Warm      one changed translation: rebuilt from the command line, and inside `npm run dev`
 *   Baseline  the same pages printed and screenshotted by headless chromium, and the ratio
 *   Scale     100 synthetic statements × 7 languages (and 25, 50): time, time per artefact, peak RSS
 *
 * then the sections of bench/sections/*.ts (check, typeset, …).
 *
 * Options: --sections cold,warm,baseline,scale,modules  --scale 25,50,100  --scale-only html,pdf,images
 *          --scale-workers <n> (default: the build's own choice)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PROJECT_DIR } from '../src/build/hash.js';
import { chromiumBaseline, copyContent, median, retitleTranslation, runBuildCommand, stampAll, syntheticContent, touchTranslation, warmDevRebuild, type CommandRun, type Figure } from './support.js';

const { values } = parseArgs({
  options: {
    sections: { type: 'string', default: 'cold,warm,baseline,scale,modules' },
    scale: { type: 'string', default: '25,50,100' },
    'scale-only': { type: 'string', default: 'html,pdf,images' },
    'scale-workers': { type: 'string' },
  },
});
const sections = new Set(values.sections!.split(','));
const temps: string[] = [];

// The copies of the content, Chromium's profile and files, and the sections' temporary folders
// go into the project's folder, where `npm run build` runs, not into the system's temporary
// folder: on the build machine, creating a file under /tmp took 0.3–1.4 ms, against 0.05–0.2 ms
// in the project's folder or in /var/tmp (the same disk), and a cold build creates about 300.
// Cold builds alternating between the two, medians of 8: 2.65 s under /tmp, 2.40 s here.
const WORK_DIR = path.join(PROJECT_DIR, '.cache', 'bench');
fs.mkdirSync(WORK_DIR, { recursive: true });
process.env.TMPDIR = WORK_DIR;

function print(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    const value = f.unit === 'ms' && f.value >= 1000 ? `${(f.value / 1000).toFixed(2)} s` : `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`;
    console.log(`  ${f.name.padEnd(52)} ${value.padStart(12)}${f.target ? `   target ${f.target}` : ''}`);
  }
}

function clean(root: string): void {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  fs.rmSync(path.join(root, '.cache'), { recursive: true, force: true });
}

/** A cold build whose code is compiled first, as after a `git pull` that changed src/. */
async function firstRunAfterCodeChange(root: string, args: string[]): Promise<CommandRun | undefined> {
  fs.rmSync(path.join(PROJECT_DIR, '.cache', 'code'), { recursive: true, force: true });
  clean(root);
  const run = await runBuildCommand(root, args);
  return failed(run) ? undefined : run;
}

function failed(run: CommandRun): boolean {
  if (run.code === 0 && run.stats) return false;
  console.log(`  the build failed (exit ${run.code}):\n${run.stderr.split('\n').slice(-15).map((l) => `    ${l}`).join('\n')}`);
  return true;
}

async function main(): Promise<void> {
  console.log(`npm run bench on ${fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'this machine'}, ${(await import('node:os')).availableParallelism()} cores; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}; working in ${path.relative(PROJECT_DIR, WORK_DIR)}/`);
  const root = copyContent();
  temps.push(root);
  let coldMs: number | undefined;
  let partial: string[] = [];
  let stamped = false;

  if (sections.has('cold') || sections.has('warm') || sections.has('baseline')) {
    let run = await runBuildCommand(root);
    if (run.code === 1) {
      // Unreviewed translations fail the check's fingerprint rule: stamp the copy, as after review.
      stamped = true;
      await stampAll(root);
      clean(root);
      run = await runBuildCommand(root);
    }
    if (run.code === 1) {
      // Real content with check errors: measure what can be published, and say so.
      partial = ['--partial'];
      clean(root);
      run = await runBuildCommand(root, partial);
    }
    if (failed(run)) return;
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/manifest.json'), 'utf8'));
    const langs = new Set(manifest.artefacts.map((a: { language?: string }) => a.language).filter(Boolean));
    // Timings vary by a few tenths of a second from run to run: take the median of five.
    const runs = [run];
    for (let i = 0; i < 4 && sections.has('cold'); i++) {
      clean(root);
      const again = await runBuildCommand(root, partial);
      if (failed(again)) return;
      runs.push(again);
    }
    runs.sort((a, b) => a.wallMs - b.wallMs);
    run = runs[Math.floor(runs.length / 2)]!;
    coldMs = run.wallMs;
    const figures: Figure[] = [
      { name: `full build, ${langs.size} languages, new process, median of ${runs.length}`, value: run.wallMs, unit: 'ms', target: '≤ 2.0 s for 7 languages' },
      { name: 'fastest of them', value: runs[0]!.wallMs, unit: 'ms' },
      { name: 'of which start-up (node, compiled code, imports)', value: run.stats!.sinceStart - run.stats!.ms, unit: 'ms' },
      { name: 'CPU time (all threads)', value: run.stats!.cpuMs, unit: 'ms' },
      { name: 'peak RSS', value: Math.round(run.stats!.maxRssKb / 1024), unit: 'MB' },
      { name: 'files in dist/', value: run.stats!.files, unit: 'files' },
    ];
    for (const workers of sections.has('cold') ? [0, 2] : []) {
      clean(root);
      const w = await runBuildCommand(root, [...partial, '--workers', String(workers)]);
      if (!failed(w)) figures.push({ name: workers === 0 ? 'same, all in one thread (--workers 0)' : `same, ${workers} worker threads taking any job (--workers ${workers})`, value: w.wallMs, unit: 'ms' });
    }
    if (sections.has('cold')) {
      const compiled = await firstRunAfterCodeChange(root, partial);
      if (compiled) figures.push({ name: 'same, first run after a change to src/ (compiles the code first)', value: compiled.wallMs, unit: 'ms' });
    }
    if (stamped) figures.push({ name: '(translations stamped as reviewed in the temporary copy)', value: 0, unit: '' });
    if (partial.length) figures.push({ name: 'publications skipped for check errors (--partial)', value: manifest.skipped.length, unit: '' });
    if (sections.has('cold')) print('Cold', figures);
  }

  if (sections.has('warm')) {
    const edits = async (edit: (root: string) => string, viaNpm = false) => {
      const runs: CommandRun[] = [];
      for (let i = 0; i < 3; i++) {
        edit(root);
        const run = await runBuildCommand(root, partial, {}, viaNpm);
        if (failed(run)) return undefined;
        runs.push(run);
      }
      return { ms: median(runs.map((r) => r.wallMs)), last: runs.at(-1)! };
    };
    const body = await edits(touchTranslation);
    const title = await edits(retitleTranslation);
    const npm = await edits(touchTranslation, true);
    if (!body || !title || !npm) return;
    const dev = await warmDevRebuild(root);
    print('Warm (one translation changed)', [
      { name: `command line, a word of the body (${body.last.stats!.built} jobs rendered), median of 3`, value: body.ms, unit: 'ms', target: '≤ 1 s' },
      { name: 'of which start-up (node, compiled code, imports)', value: body.last.stats!.sinceStart - body.last.stats!.ms, unit: 'ms' },
      { name: `command line, the title (${title.last.stats!.built} jobs rendered: every kind that shows the title, and the site), median of 3`, value: title.ms, unit: 'ms', target: '≤ 1 s' },
      { name: 'the body edit again, typed as `npm run build` (npm starts first), median of 3', value: npm.ms, unit: 'ms' },
      { name: 'npm run dev: rebuilt and reload sent, median of 3', value: median(dev.ms), unit: 'ms' },
      { name: 'npm run dev: from save to reload (watch + debounce), median', value: median(dev.saveToReloadMs), unit: 'ms' },
    ]);
  }

  if (sections.has('baseline') && coldMs !== undefined) {
    if (!fs.existsSync('/usr/bin/chromium')) console.log('\nBaseline\n  skipped: /usr/bin/chromium is not installed');
    else {
      // Chromium and our cold build by turns, three times: the machine's speed changes from
      // minute to minute, and the ratio should compare the two at the same speed.
      const bases: Awaited<ReturnType<typeof chromiumBaseline>>[] = [];
      const ours: number[] = [];
      for (let i = 0; i < 3; i++) {
        bases.push(await chromiumBaseline(root));
        clean(root);
        const cold = await runBuildCommand(root, partial);
        if (failed(cold)) return;
        ours.push(cold.wallMs);
      }
      const base = bases[0]!;
      const ratios = bases.map((b, i) => b.ms / ours[i]!).sort((a, b) => a - b);
      print('Baseline (headless chromium: A4 + A5 PDF and five screenshots per page)', [
        { name: `chromium, ${base.pages} pages → ${base.files} files, start-up included, median of 3`, value: median(bases.map((b) => b.ms)), unit: 'ms' },
        { name: 'of which starting chromium, median', value: median(bases.map((b) => b.launchMs)), unit: 'ms' },
        { name: 'our cold build, run by turns with chromium, median of 3', value: median(ours), unit: 'ms' },
        { name: 'ratio chromium / ours, of the medians', value: median(bases.map((b) => b.ms)) / median(ours), unit: '×', target: '≥ 4×' },
        { name: 'lowest ratio of one turn', value: ratios[0]!, unit: '×' },
      ]);
    }
  }

  if (sections.has('scale')) {
    const only = values['scale-only']!;
    const figures: Figure[] = [];
    const workers = values['scale-workers'] ? ['--workers', values['scale-workers']] : [];
    for (const n of values.scale!.split(',').map(Number)) {
      const scaleRoot = syntheticContent(n);
      temps.push(scaleRoot);
      await stampAll(scaleRoot);
      const run = await runBuildCommand(scaleRoot, ['--partial', '--only', only, ...workers]);
      if (failed(run)) continue;
      const artefacts = run.stats!.files;
      figures.push(
        { name: `${n} statements × 7 languages (${only}): total`, value: run.wallMs, unit: 'ms' },
        { name: `${n}: per file in dist/ (${artefacts} files)`, value: run.wallMs / artefacts, unit: 'ms' },
        { name: `${n}: peak RSS`, value: Math.round(run.stats!.maxRssKb / 1024), unit: 'MB', target: '≤ 1536 MB' },
      );
      fs.rmSync(scaleRoot, { recursive: true, force: true });
    }
    print('Scale', figures);
  }

  if (sections.has('modules')) {
    const dir = path.join(PROJECT_DIR, 'bench/sections');
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort() : []) {
      try {
        const mod = await import(pathToFileURL(path.join(dir, file)).href);
        if (typeof mod.default === 'function') print(`${file.slice(0, -3)} (bench/sections/${file})`, await mod.default());
      } catch (error) {
        console.log(`\n${file}: failed: ${(error as Error).message}`);
      }
    }
  }
}

try {
  await main();
} finally {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
}
