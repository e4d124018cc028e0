/**
 * The exporters the build calls, behind one interface so the orchestration can be tested
 * with stand-ins (tests pass another module URL; the build never ships any).
 *
 * A renderers module exports `loadRenderers()`. The build loads it once per worker (or once
 * in process), so fonts and wasm load once per worker.
 */
import type { Artefact, Publication } from '../publication.js';
import type { JobKind } from './jobs.js';
import type { Keep } from '../keep.js';
import { importModule } from '../compiled.js';

export type { Keep };

export interface Renderers {
  /** Where to keep results between builds (see ../keep.ts); without it, nothing is kept. Optional. */
  keepIn?(keep: Keep): void;
  /**
   * Load the code, WebAssembly and fonts that jobs of these kinds need, ahead of the first
   * job (a worker does this while the build is still checking the content). Optional.
   */
  warm?(kinds: JobKind[]): Promise<void>;
  renderPage(pub: Publication): Promise<Artefact[]>;
  renderPdfs(pub: Publication): Promise<Artefact[]>;
  renderShareImages(pub: Publication): Promise<Artefact[]>;
  renderSiteFiles(pubs: Publication[]): Promise<Artefact[]>;
}

export interface RenderersModule {
  loadRenderers(): Promise<Renderers>;
}

/** URL of the module with the real exporters. */
export const REAL_RENDERERS = new URL('./real-renderers.js', import.meta.url).href;

export async function importRenderers(url: string): Promise<Renderers> {
  const mod = (url === REAL_RENDERERS ? await import('./real-renderers.js') : await importModule(url)) as Partial<RenderersModule>;
  if (typeof mod.loadRenderers !== 'function') throw new Error(`${url} does not export loadRenderers()`);
  return mod.loadRenderers();
}
