/**
 * dist/manifest.json: every artefact with what a publisher or a test needs to know about
 * it, sorted by path, with no timestamps (two builds of the same input give the same file).
 */
import type { Artefact } from '../publication.js';

/** An artefact without its bytes: what the cache and the manifest record. */
export type ArtefactInfo = Omit<Artefact, 'bytes'> & { sha256: string; size: number };

export interface ManifestEntry {
  path: string;
  statement?: string;
  language?: string;
  kind: ArtefactInfo['kind'];
  width?: number;
  height?: number;
  pages?: number;
  bytes: number;
  sha256: string;
  alt?: string;
}

export interface Skipped {
  statement: string;
  language: string;
  reasons: string[];
}

export interface Manifest {
  artefacts: ManifestEntry[];
  /** Publications that were not published (only in `--partial` builds), and why. */
  skipped: Skipped[];
}

export function manifestEntry(info: ArtefactInfo): ManifestEntry {
  return {
    path: info.path,
    statement: info.slug,
    language: info.lang,
    kind: info.kind,
    width: info.width,
    height: info.height,
    pages: info.pages,
    bytes: info.size,
    sha256: info.sha256,
    alt: info.alt,
  };
}

export function manifestBytes(infos: ArtefactInfo[], skipped: Skipped[]): Uint8Array {
  const artefacts = infos.map(manifestEntry).sort((a, b) => (a.path < b.path ? -1 : 1));
  const sortedSkipped = [...skipped].sort((a, b) => `${a.statement}/${a.language}`.localeCompare(`${b.statement}/${b.language}`));
  return new TextEncoder().encode(`${JSON.stringify({ artefacts, skipped: sortedSkipped } satisfies Manifest, null, 2)}\n`);
}
