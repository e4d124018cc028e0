/**
 * HarfBuzz, loaded once per process (per worker), and the catalogue's fonts opened once each.
 * Everything that shapes, measures, draws outlines or checks coverage goes through here.
 */
import fs from 'node:fs';
import { FONTS, type FontId } from '../fonts.js';

type HarfBuzz = typeof import('harfbuzzjs');

let hbPromise: Promise<HarfBuzz> | undefined;
let hbLoaded: HarfBuzz | undefined;

/** The harfbuzzjs module; its wasm initialises on first import. */
export function harfbuzz(): Promise<HarfBuzz> {
  hbPromise ??= (import('harfbuzzjs') as Promise<unknown> as Promise<HarfBuzz>).then((hb) => (hbLoaded = hb));
  return hbPromise;
}

/**
 * The harfbuzzjs module once harfbuzz() has loaded it, as it has for every font opened here.
 * (No module waits for it as it loads: the build's compiled code is one CommonJS file, which
 * cannot.)
 */
export function loadedHarfbuzz(): HarfBuzz {
  if (!hbLoaded) throw new Error('HarfBuzz is used before it has loaded: open a font with loadFont() first');
  return hbLoaded;
}

export interface LoadedFont {
  id: FontId;
  bytes: Uint8Array;
  face: InstanceType<HarfBuzz['Face']>;
  font: InstanceType<HarfBuzz['Font']>;
  upem: number;
  /** Code points the font maps to a glyph. */
  unicodes: Set<number>;
}

const fonts = new Map<FontId, Promise<LoadedFont>>();

export function loadFont(id: FontId): Promise<LoadedFont> {
  let loaded = fonts.get(id);
  if (!loaded) {
    loaded = open(id);
    fonts.set(id, loaded);
  }
  return loaded;
}

async function open(id: FontId): Promise<LoadedFont> {
  const hb = await harfbuzz();
  const bytes = new Uint8Array(fs.readFileSync(FONTS[id].file));
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const font = new hb.Font(face);
  return { id, bytes, face, font, upem: face.upem, unicodes: new Set(face.collectUnicodes()) };
}

/** Load every font in the catalogue; for workers that want all cost paid up front. */
export function loadAllFonts(): Promise<LoadedFont[]> {
  return Promise.all((Object.keys(FONTS) as FontId[]).map(loadFont));
}
