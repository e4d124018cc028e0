/**
 * Font subsetting through the raw exports of harfbuzzjs's `harfbuzz-subset.wasm` (it ships
 * no JS wrapper), for both exporters:
 *  - PDFs subset by glyph id and keep glyph ids (RETAIN_GIDS), so the ids the shaper produced
 *    stay valid in the embedded font; subsetting by Unicode would renumber them and lose every
 *    glyph reached only through shaping (ligatures, initial/medial/final forms);
 *  - web pages subset by character and keep every layout feature, since the browser shapes.
 * The web subsets used to come from the subset-font package, which made the same call with the
 * same settings but loaded a font converter and a WOFF2 codec with it (90 ms of start-up for
 * code the pages never ran); the bytes are the same.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Exports = Record<string, (...args: number[]) => number> & { memory: { buffer: ArrayBuffer } };

// The DOM lib is not loaded, so WebAssembly has no types here; this is the part we use.
const wasmApi = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };
}).WebAssembly;

const MEMORY_MODE_READONLY = 1;
const SETS_DROP_TABLE_TAG = 3;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAGS_NO_HINTING = 0x1;
const FLAGS_RETAIN_GIDS = 0x2;
// Glyph closure over layout tables is pointless for PDFs: we list every glyph we draw.
const FLAGS_NO_LAYOUT_CLOSURE = 0x200;

let wasm: Promise<Exports> | undefined;

/** Compile and instantiate harfbuzz-subset.wasm (once); the first subset waits for it anyway. */
export function subsetter(): Promise<Exports> {
  wasm ??= (async () => {
    const bytes = fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await wasmApi.instantiate(bytes);
    const exports = instance.exports as unknown as Exports;
    exports._initialize?.();
    return exports;
  })();
  return wasm;
}

function tag(name: string): number {
  return [...name].reduce((a, ch) => (a << 8) + ch.charCodeAt(0), 0) >>> 0;
}

/**
 * A TrueType font holding only `glyphIds` (plus glyph 0 and composite components), every
 * glyph at its original id. Layout tables are dropped: a PDF viewer never shapes.
 */
export function subsetGlyphs(font: Uint8Array, glyphIds: Iterable<number>): Promise<Uint8Array> {
  const ids = [...new Set(glyphIds)].sort((a, b) => a - b);
  // The A4 and A5 layouts of one text usually draw the same glyphs: subset once for both.
  let subsets = memo.get(font);
  if (!subsets) memo.set(font, (subsets = new Map()));
  const key = ids.join(',');
  let result = subsets.get(key);
  if (!result) {
    if (subsets.size >= MEMO_SIZE) subsets.clear();
    result = runSubset(font, (hb, input) => keepGlyphs(hb, input, ids));
    subsets.set(key, result);
  }
  return result;
}

/** Recent subsets per font, a few documents' worth, so memory stays flat over many statements. */
const memo = new WeakMap<Uint8Array, Map<string, Promise<Uint8Array>>>();
const MEMO_SIZE = 8;

/**
 * A TrueType font with the glyphs of these characters, hinting dropped (it triples the size
 * and today's screens do not use it) and every layout feature kept, for a browser to shape.
 */
export function subsetText(font: Uint8Array, text: string): Promise<Uint8Array> {
  return runSubset(font, (hb, input) => {
    const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features); // all of them
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of text) hb.hb_set_add(unicodes, c.codePointAt(0)!);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS_NO_HINTING);
  });
}

/** Only the glyphs we draw, at their own ids; no layout tables (a PDF viewer never shapes). */
function keepGlyphs(hb: Exports, input: number, glyphIds: number[]): void {
  const glyphs = hb.hb_subset_input_glyph_set(input);
  hb.hb_set_add(glyphs, 0);
  for (const gid of glyphIds) hb.hb_set_add(glyphs, gid);
  // Keep nothing reachable by Unicode alone: only the glyphs we draw.
  hb.hb_set_clear(hb.hb_subset_input_unicode_set(input));
  const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
  for (const name of ['GSUB', 'GPOS', 'GDEF', 'morx', 'kern', 'DSIG', 'BASE', 'JSTF', 'MATH', 'STAT', 'meta']) {
    hb.hb_set_add(drop, tag(name));
  }
  hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS_RETAIN_GIDS | FLAGS_NO_LAYOUT_CLOSURE);
}

/** One hb-subset call: the font copied into the wasm memory, `configure` fills in the input. */
async function runSubset(font: Uint8Array, configure: (hb: Exports, input: number) => void): Promise<Uint8Array> {
  const hb = await subsetter();
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb-subset: could not create the subset input');
  const pointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, pointer);
  const blob = hb.hb_blob_create(pointer, font.byteLength, MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    configure(hb, input);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('hb-subset could not subset a font');
    const result = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    // Copy out before freeing: the wasm memory is reused.
    const bytes = new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('hb-subset produced an empty font');
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(pointer);
  }
}
