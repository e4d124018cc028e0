/** Small pieces of the build: command line, path checks, zips, manifest. */
import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { parseBuildArgs } from '../../src/build/options.js';
import { assertDistPath, inside } from '../../src/build/paths.js';
import { makeZip, planZips, zipTime } from '../../src/build/zips.js';
import { manifestBytes } from '../../src/build/manifest.js';
import { BuildError } from '../../src/build/errors.js';

describe('command line', () => {
  it('parses repeated and comma-separated filters', () => {
    const o = parseBuildArgs(['--lang', 'fa,ar', '--lang', 'ru', '--statement', 'a', '--only', 'pdf,images', '--partial', '--quiet', '--workers', '0', '--root', '/x'], '/cwd');
    expect(o).toMatchObject({ langs: ['fa', 'ar', 'ru'], statements: ['a'], only: ['pdf', 'images'], partial: true, quiet: true, workers: 0, root: '/x' });
    expect(parseBuildArgs([], '/cwd')).toMatchObject({ root: '/cwd', partial: false, langs: undefined });
  });

  it('refuses unknown flags and values with exit code 2 and the usage', () => {
    for (const argv of [['--fast'], ['--only', 'svg'], ['--workers', 'many'], ['stray']]) {
      let error: unknown;
      try {
        parseBuildArgs(argv);
      } catch (e) {
        error = e;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(BuildError);
      expect((error as BuildError).exitCode).toBe(2);
    }
  });
});

describe('paths under dist/', () => {
  it('accepts artefact paths and refuses everything that could leave dist/', () => {
    for (const ok of ['index.html', 'humanitarian-visas/fa-AF/share-1200x630.png', 'feeds/fa.xml', 'a/fonts/LICENSE-PT-Serif.txt']) expect(() => assertDistPath(ok)).not.toThrow();
    for (const bad of ['', '../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\..\\b', '.hidden', 'a/.git/config', 'C:/x', 'a/b/', '~/x']) {
      expect(() => assertDistPath(bad), bad).toThrow(BuildError);
    }
    expect(inside('/tmp/d', 'a/b.txt')).toBe('/tmp/d/a/b.txt');
  });
});

describe('release zips', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('are byte-identical whatever the order of entries and the time zone', () => {
    const files = [
      { path: 'b/index.html', bytes: new TextEncoder().encode('<p>b</p>'.repeat(50)) },
      { path: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ];
    process.env.TZ = 'Asia/Kabul';
    const one = makeZip(files, zipTime({ SOURCE_DATE_EPOCH: '1767225600' }));
    process.env.TZ = 'America/Los_Angeles';
    const two = makeZip([...files].reverse(), zipTime({ SOURCE_DATE_EPOCH: '1767225600' }));
    expect(Buffer.from(two).equals(Buffer.from(one))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['a.pdf', 'b/index.html']);
    const other = makeZip(files, zipTime({}));
    expect(Buffer.from(other).equals(Buffer.from(one))).toBe(false);
  });

  it('bundle each language of a statement, and everything of it, but no site-wide folders', () => {
    const plans = planZips(['s/fa/index.html', 's/fa/fonts/x.woff2', 's/index.html', 's/ru/a.pdf', 'fonts/y.woff2', 'feeds/fa.xml', 'index.html'], new Set(['s']));
    expect(plans.map((p) => [p.path, p.entries.map((e) => e.entry)])).toEqual([
      ['release/s-all.zip', ['s/fa/index.html', 's/fa/fonts/x.woff2', 's/index.html', 's/ru/a.pdf']],
      ['release/s-fa.zip', ['s-fa/index.html', 's-fa/fonts/x.woff2']],
      ['release/s-ru.zip', ['s-ru/a.pdf']],
    ]);
  });
});

describe('manifest', () => {
  it('sorts by path and carries the artefact facts, with no timestamps', () => {
    const bytes = manifestBytes(
      [
        { path: 'b.png', kind: 'image', slug: 's', lang: 'fa', width: 10, height: 5, alt: 'alt', sha256: 'x', size: 3 },
        { path: 'a.pdf', kind: 'pdf', slug: 's', lang: 'ru', pages: 2, sha256: 'y', size: 4 },
      ],
      [],
    );
    const m = JSON.parse(new TextDecoder().decode(bytes));
    expect(m.artefacts.map((a: { path: string }) => a.path)).toEqual(['a.pdf', 'b.png']);
    expect(m.artefacts[1]).toEqual({ path: 'b.png', statement: 's', language: 'fa', kind: 'image', width: 10, height: 5, bytes: 3, sha256: 'x', alt: 'alt' });
    expect(new TextDecoder().decode(bytes)).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });
});

describe('code version', () => {
  it('changes with the code a render module imports and with assets, not with unrelated code', async () => {
    const { codeVersion } = await import('../../src/build/hash.js');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-code-'));
    try {
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      };
      write('src/render/pdf.ts', "import { a } from '../layout/a.js';\nexport const x = () => import(\"./lazy.js\");");
      write('src/layout/a.ts', 'export const a = 1;');
      write('src/render/lazy.ts', 'export const l = 1;');
      write('src/check/rule.ts', 'export const r = 1;');
      write('src/export/style.css', 'p {}');
      const v0 = codeVersion('render/pdf.ts', dir);
      write('src/check/rule.ts', 'export const r = 2;');
      expect(codeVersion('render/pdf.ts', dir)).toBe(v0);
      write('src/layout/a.ts', 'export const a = 2;');
      const v1 = codeVersion('render/pdf.ts', dir);
      expect(v1).not.toBe(v0);
      write('src/render/lazy.ts', 'export const l = 2;');
      const v2 = codeVersion('render/pdf.ts', dir);
      expect(v2).not.toBe(v1);
      write('src/export/style.css', 'p { margin: 0 }');
      expect(codeVersion('render/pdf.ts', dir)).not.toBe(v2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
