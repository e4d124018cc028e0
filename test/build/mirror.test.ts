/** A build for a mirror (--base-url): the pages' own links use the mirror, canonical links the main address. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/config.js';
import { PROJECT, realCopy, removeRepo } from './support.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeRepo));

describe('a mirror build', () => {
  it('uses --base-url for the pages’ own addresses and the main address for canonical links; its bundles carry a README', async () => {
    const root = await realCopy();
    roots.push(root);
    const mirror = 'https://mirror.example/';
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT, 'src/cli/build.ts'), '--root', root, '--lang', 'fa', '--only', 'html', '--partial', '--quiet', '--base-url', mirror], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const page = fs.readFileSync(path.join(root, 'dist/humanitarian-visas/fa/index.html'), 'utf8');
    expect(page).toContain(`rel="canonical" href="${SITE.canonicalUrl}humanitarian-visas/fa/`);
    expect(page).toMatch(new RegExp(`property="og:url" content="${mirror}|og:image" content="${mirror}`));
    const zip = unzipSync(fs.readFileSync(path.join(root, 'dist/release/humanitarian-visas-fa.zip')));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['README.txt', 'humanitarian-visas/fa/index.html']));
    expect(new TextDecoder().decode(zip['README.txt'])).toContain('humanitarian-visas/fa/index.html');
  }, 170_000);

  it('refuses a --base-url that is not a web address, with exit code 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT, 'src/cli/build.ts'), '--base-url', 'mirror'], { cwd: PROJECT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--base-url takes a web address');
  });
});
