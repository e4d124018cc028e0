/**
 * Render the real repository's pages (every statement, every language that loads) into a
 * temporary dist/ folder, as the build would, without depending on `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRepository } from '../../src/content/index.js';
import { publications, type Artefact, type Publication } from '../../src/publication.js';
import { renderPage, renderSiteFiles } from '../../src/render/html.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Rendered {
  dir: string;
  pubs: Publication[];
  artefacts: Artefact[];
  /** Artefacts of one publication's page (html, fonts, licences). */
  pageArtefacts: Map<string, Artefact[]>;
}

export async function renderRepository(): Promise<Rendered> {
  const repo = loadRepository(REPO_ROOT);
  const pubs = publications(repo);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psl-html-'));
  const artefacts: Artefact[] = [];
  const pageArtefacts = new Map<string, Artefact[]>();
  for (const pub of pubs) {
    const mine = await renderPage(pub);
    pageArtefacts.set(`${pub.slug}/${pub.lang.tag}`, mine);
    artefacts.push(...mine);
  }
  artefacts.push(...(await renderSiteFiles(pubs)));
  write(dir, artefacts);
  return { dir, pubs, artefacts, pageArtefacts };
}

export function write(dir: string, artefacts: Artefact[]): void {
  for (const a of artefacts) {
    const file = path.join(dir, a.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, a.bytes);
  }
}

export function html(a: Artefact): string {
  return new TextDecoder().decode(a.bytes);
}
