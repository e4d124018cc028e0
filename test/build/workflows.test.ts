/**
 * The GitHub Actions workflows, checked offline against the workflow schema
 * (@action-validator/core bundles it as wasm), plus what the project relies on: the steps
 * in order, actions pinned to major versions, the release's permissions, .ci/run doing
 * what check.yml does, and a CODEOWNERS line for every language.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { LANGUAGES } from '../../src/languages.js';
import { PROJECT } from './support.js';

const require = createRequire(import.meta.url);
const validator = require('@action-validator/core') as typeof import('@action-validator/core');

const read = (rel: string) => fs.readFileSync(path.join(PROJECT, rel), 'utf8');
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const steps = (workflow: any): Step[] => Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
const runs = (workflow: any) => steps(workflow).map((s) => s.run ?? '').join('\n');

function aptPackages(script: string): string[] {
  const install = /apt-get install(?:[^\n\\]|\\\n)*/.exec(script)?.[0] ?? '';
  return install.replace(/\\\n/g, ' ').split(/\s+/).filter((w) => /^[a-z][a-z0-9.+-]+$/.test(w) && !['apt-get', 'install', 'sudo'].includes(w)).sort();
}

describe('workflows', () => {
  for (const file of ['check.yml', 'release.yml', 'deploy.yml']) {
    it(`${file} is a valid workflow with actions pinned to major versions`, () => {
      const text = read(`.github/workflows/${file}`);
      expect(validator.validateWorkflow(text).errors).toEqual([]);
      for (const step of steps(parse(text))) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    });
  }

  it('the validator does reject a broken workflow (so the test above can fail)', () => {
    const broken = read('.github/workflows/check.yml').replace('runs-on:', 'runs_on:');
    expect(validator.validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('check.yml runs on pull requests and pushes to main: npm ci, then the check, then the tools, then the tests, on Node 20, 22 and 24 in Debian', () => {
    const workflow = parse(read('.github/workflows/check.yml'));
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.on.push.branches).toEqual(['main']);
    const test = workflow.jobs.test;
    expect(test.container).toBe('node:20-bookworm');
    expect(test.strategy.matrix.node).toEqual([20, 22, 24]);
    const setup = (test.steps as Step[]).find((s) => s.uses?.startsWith('actions/setup-node'))!;
    expect(setup.with).toMatchObject({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
    const script = (test.steps as Step[]).map((s) => s.run ?? '').join('\n');
    const order = ['npm ci', 'npm run check', 'apt-get install', 'npm test'].map((cmd) => script.indexOf(cmd));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('.ci/run does the same steps as check.yml, with the same system packages', () => {
    const ci = read('.ci/run');
    const workflow = runs(parse(read('.github/workflows/check.yml')));
    expect(aptPackages(ci)).toEqual(aptPackages(workflow));
    expect(aptPackages(ci)).toEqual(expect.arrayContaining(['chromium', 'tesseract-ocr-fas', 'poppler-utils', 'qpdf', 'libharfbuzz-bin', 'unicode-data']));
    for (const cmd of ['npm ci', 'npm run check', 'npm test']) expect(ci).toContain(cmd);
    expect(ci.indexOf('npm ci')).toBeLessThan(ci.indexOf('npm run check'));
    expect(ci.indexOf('npm run check')).toBeLessThan(ci.indexOf('npm test'));
  });

  it('check.yml previews a pull request: builds the touched languages, uploads dist/ and the renders, lists them in the step summary', () => {
    const workflow = parse(read('.github/workflows/check.yml'));
    const preview = workflow.jobs.preview;
    expect(preview.if).toBe("github.event_name == 'pull_request'");
    expect(preview.container).toBe('node:20-bookworm');
    const list = preview.steps as Step[];
    const script = list.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('translations/');
    expect(script).toMatch(/npm run build -- --partial "\$\{args\[@\]\}"/);
    expect(script).toContain('args+=(--lang "$tag")');
    expect(script).toMatch(/pdftoppm -png [^\n]*-f 1 -l 1 /);
    expect(script).toContain('*-a4.pdf');
    expect(script).toContain('share-1200x630.png');
    expect(script).toContain('$GITHUB_STEP_SUMMARY');
    const uploads = list.filter((s) => s.uses === 'actions/upload-artifact@v4').map((s) => s.with!.path);
    expect(uploads).toEqual(['dist', 'renders']);
    // The build comes before the upload of dist/, the renders before their upload and the summary links the artifact.
    const at = (pred: (s: Step) => boolean) => list.findIndex(pred);
    expect(at((s) => (s.run ?? '').includes('npm run build'))).toBeLessThan(at((s) => s.with?.path === 'dist'));
    expect(at((s) => (s.run ?? '').includes('pdftoppm'))).toBeLessThan(at((s) => s.with?.path === 'renders'));
    expect(script).toContain('$RENDERS_URL');
  });

  it('deploy.yml builds on pushes to main and on tags, uploads dist/ and deploys it to GitHub Pages with the base URL from the Pages settings', () => {
    const workflow = parse(read('.github/workflows/deploy.yml'));
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const build = workflow.jobs.build.steps as Step[];
    const configure = build.findIndex((s) => s.uses === 'actions/configure-pages@v5');
    const buildStep = build.findIndex((s) => (s.run ?? '').includes('npm run build -- --partial'));
    const upload = build.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(configure).toBeGreaterThanOrEqual(0);
    expect(configure).toBeLessThan(buildStep);
    expect(buildStep).toBeLessThan(upload);
    expect(build[upload].with).toEqual({ path: 'dist' });
    const env = (build[buildStep] as Step & { env?: Record<string, string> }).env!;
    expect(env.PSL_BASE_URL).toContain(`steps.${(build[configure] as Step & { id?: string }).id}.outputs.base_url`);
    expect(env.PSL_BASE_URL).toContain('vars.PSL_BASE_URL');
    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment.name).toBe('github-pages');
    expect((deploy.steps as Step[]).map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('release.yml builds on v* tags what is ready, and may write the release', () => {
    const workflow = parse(read('.github/workflows/release.yml'));
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'write' });
    const script = runs(workflow);
    expect(script).toContain('npm run build -- --partial');
    expect(script).toMatch(/gh release (create|upload)/);
    for (const kind of ['*.pdf', 'share-*.png', 'share-*.jpg', 'release/*.zip']) expect(script).toContain(kind);
  });

  it('CODEOWNERS names a team for every language folder', () => {
    const lines = read('.github/CODEOWNERS').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    for (const lang of LANGUAGES) {
      const line = lines.find((l) => l.split(/\s+/)[0] === `/translations/${lang.tag}/`);
      expect(line, lang.tag).toMatch(/\s@post-soviet-left\/[a-z0-9-]+$/);
    }
  });
});
