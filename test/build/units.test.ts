/** Small pieces of the build: command line, path checks, zips, manifest. */
import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { parseBuildArgs } from '../../src/build/options.js';
import { assertDistPath, inside } from '../../src/build/paths.js';
import { makeZip, planZips, zipTime } from '../../src/build/zips.js';
import { manifestBytes } from '../../src/build/manifest.js';
import { BuildError } from '../../src/build/errors.js';
import { tempDir } from '../support/temp.js';

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

  it('are byte-identical whatever the order of entries and the time zone', async () => {
    const files = [
      { path: 'b/index.html', bytes: new TextEncoder().encode('<p>b</p>'.repeat(50)) },
      { path: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ];
    process.env.TZ = 'Asia/Kabul';
    const one = await makeZip(files, zipTime({ SOURCE_DATE_EPOCH: '1767225600' }));
    process.env.TZ = 'America/Los_Angeles';
    const two = await makeZip([...files].reverse(), zipTime({ SOURCE_DATE_EPOCH: '1767225600' }));
    expect(Buffer.from(two).equals(Buffer.from(one))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['a.pdf', 'b/index.html']);
    const other = await makeZip(files, zipTime({}));
    expect(Buffer.from(other).equals(Buffer.from(one))).toBe(false);
  });

  it('are ZIP files another reader takes apart: names, modes, CRC-32s and bytes as given', async () => {
    const text = new TextEncoder().encode('<p>Заявление — بيان</p>\n'.repeat(200));
    const png = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
    const zip = Buffer.from(await makeZip([{ path: 'x/ар/index.html', bytes: text }, { path: 'x/a.png', bytes: png }], zipTime({ SOURCE_DATE_EPOCH: '1767225600' })));
    // An independent reader: Node's own inflate and CRC, driven by the central directory.
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const entries: Record<string, { method: number; mode: number; bytes: Buffer; date: number }> = {};
    for (let i = 0; i < count; i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const method = zip.readUInt16LE(at + 10);
      const crc = zip.readUInt32LE(at + 16);
      const size = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      const local = zip.readUInt32LE(at + 42);
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      const bytes = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
      expect(crc32(bytes), name).toBe(crc);
      entries[name] = { method, mode: zip.readUInt32LE(at + 38) >>> 16, bytes, date: zip.readUInt16LE(at + 14) };
      // no extra field (an extended timestamp would carry the build's clock)
      expect(zip.readUInt16LE(at + 30), name).toBe(0);
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    expect(Object.keys(entries)).toEqual(['x/a.png', 'x/ар/index.html']);
    expect(entries['x/ар/index.html']!.bytes.equals(Buffer.from(text))).toBe(true);
    expect(entries['x/ар/index.html']!.method).toBe(8);
    expect(entries['x/a.png']!.bytes.equals(Buffer.from(png))).toBe(true);
    expect(entries['x/a.png']!.method).toBe(0);
    expect(entries['x/a.png']!.mode).toBe(0o100644);
    // 2026-01-01 in DOS date fields: (2026 − 1980) << 9 | 1 << 5 | 1
    expect(entries['x/a.png']!.date).toBe((46 << 9) | (1 << 5) | 1);
  });

  it('pass Info-ZIP\'s own test (unzip -t), which lists every entry as OK', async () => {
    const dir = tempDir();
    const file = `${dir}/bundle.zip`;
    const files = [
      { path: 'README.txt', bytes: new TextEncoder().encode('Откройте index.html\n') },
      { path: 's/fa/index.html', bytes: new TextEncoder().encode('<p>بيان</p>\n'.repeat(300)) },
      { path: 's/fa/a.pdf', bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256) },
    ];
    fs.writeFileSync(file, await makeZip(files, zipTime({})));
    const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    for (const f of files) expect(out).toMatch(new RegExp(`testing: ${f.path.replace(/[.]/g, '\\.')}\\s+OK`));
    expect(out).toContain('No errors detected');
  });

  it('bundle each language of a statement, and all of them, with the site files their pages link to', () => {
    const plans = planZips(['s/fa/index.html', 's/fa/fonts/x.woff2', 's/index.html', 's/ru/a.pdf', 'fonts/y.woff2', 'feeds/fa.xml', 'index.html', 'fa/index.html', 'release/old.zip'], new Set(['s']));
    // fa has a home page listing its statements, so everything in Farsi is a bundle too; ru has none here.
    expect(plans.map((p) => p.path)).toEqual(['release/fa.zip', 'release/s-all.zip', 'release/s-fa.zip', 'release/s-ru.zip']);
    const everything = plans.find((p) => p.path === 'release/fa.zip')!;
    expect(everything.entries).toEqual(expect.arrayContaining(['s/fa/index.html', 'fa/index.html', 'index.html']));
    expect(everything.entries).not.toContain('s/ru/a.pdf');
    expect(everything.entry).toBe('fa/index.html');
    const fa = plans.find((p) => p.path === 'release/s-fa.zip')!;
    expect(fa.entries).toEqual(expect.arrayContaining(['s/fa/index.html', 's/fa/fonts/x.woff2', 'index.html', 'fa/index.html', 'feeds/fa.xml', 'fonts/y.woff2']));
    expect(fa.entries).not.toContain('s/ru/a.pdf');
    expect(fa.entries.some((e) => e.startsWith('release/'))).toBe(false);
    expect(fa.entry).toBe('s/fa/index.html');
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
  it('changes with any file under src/ and with the lock file', async () => {
    const { codeVersion } = await import('../../src/build/code-version.js');
    const path = await import('node:path');
    const dir = tempDir();
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('src/render/pdf.ts', 'export const x = 1;');
    write('package-lock.json', '{}');
    const v0 = codeVersion(dir);
    expect(codeVersion(dir)).toBe(v0);
    write('src/check/rule.ts', 'export const r = 1;');
    const v1 = codeVersion(dir);
    expect(v1).not.toBe(v0);
    write('src/export/style.css', 'p {}');
    const v2 = codeVersion(dir);
    expect(v2).not.toBe(v1);
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(codeVersion(dir)).not.toBe(v2);
  });
});

/** CRC-32 (ISO 3309), bit by bit: the slow, obvious definition. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
