/**
 * One call into HarfBuzz: shape a range of a string with the rest of the string visible as
 * context (`addText(text, offset, length)`), with direction, script and language set.
 *
 * Language: HarfBuzz maps a BCP 47 tag to OpenType language system tags. For `fa-AF` it picks
 * FAR, the same as for `fa`; only `prs` (ISO 639-3 Dari) maps to DRI, with FAR as its fallback.
 * So a language with `otLanguage` set is shaped under the BCP 47 language HarfBuzz derives from
 * that tag (`otTagToLanguage('DRI ')` = `prs`, which gives the tags DRI then FAR). Measured in
 * test/typeset/shaping.test.ts: none of the fonts has a DRI language system (Noto Naskh Arabic
 * has FAR, Vazirmatn has neither), so Dari shapes exactly like Farsi today; the tag is kept so
 * a font with Dari `locl` forms would get them.
 */
import type { LoadedFont } from './harfbuzz.js';
import { loadedHarfbuzz } from './harfbuzz.js';
import type { Language } from '../languages.js';

// hb_glyph_flags_t of hb-buffer.h (harfbuzzjs's GlyphFlag, which is there only once HarfBuzz
// has loaded; a test compares them).
export const FLAG_UNSAFE_TO_BREAK = 1;
export const FLAG_SAFE_TO_INSERT_TATWEEL = 4;

/** A glyph as HarfBuzz placed it, in font units. */
export interface ShapedGlyph {
  gid: number;
  /** UTF-16 offset of the cluster in the string that was passed (plus `clusterBase`). */
  cluster: number;
  ax: number;
  dx: number;
  dy: number;
  flags: number;
}

const languageCache = new Map<string, string>();

/** The language string to give HarfBuzz for a language of the registry. */
export function hbLanguage(lang: Language): string {
  let l = languageCache.get(lang.tag);
  if (l === undefined) {
    l = lang.otLanguage ? loadedHarfbuzz().otTagToLanguage(lang.otLanguage.padEnd(4, ' ')) : lang.tag;
    languageCache.set(lang.tag, l);
  }
  return l;
}

let shared: InstanceType<ReturnType<typeof loadedHarfbuzz>['Buffer']> | undefined;

export interface ShapeOptions {
  rtl: boolean;
  script: string;
  language: string;
  /** Also ask for SAFE_TO_INSERT_TATWEEL flags (Arabic script). */
  tatweel?: boolean;
}

/**
 * Shape text[start, end) with `text` as context. Glyphs come back in HarfBuzz's output order,
 * which is visual order (right to left input comes out reversed).
 */
export function shapeRange(font: LoadedFont, text: string, start: number, end: number, opts: ShapeOptions, clusterBase = 0): ShapedGlyph[] {
  // One buffer for the process: a new hb.Buffer per call costs a wasm allocation that is only
  // freed when its JS wrapper is garbage collected.
  const hb = loadedHarfbuzz(); // loaded: `font` was opened with it
  const buf = (shared ??= new hb.Buffer());
  buf.clearContents();
  buf.addText(text, start, end - start);
  buf.setDirection(opts.rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buf.setScript(opts.script);
  buf.setLanguage(opts.language);
  let flags = 0;
  if (start === 0) flags |= hb.BufferFlag.BOT;
  if (end === text.length) flags |= hb.BufferFlag.EOT;
  if (opts.tatweel) flags |= hb.BufferFlag.PRODUCE_SAFE_TO_INSERT_TATWEEL;
  buf.setFlags(flags);
  hb.shape(font.font, buf);
  const infos = buf.getGlyphInfos();
  const pos = buf.getGlyphPositions();
  const out: ShapedGlyph[] = new Array(infos.length);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const p = pos[i]!;
    out[i] = { gid: info.codepoint, cluster: info.cluster + clusterBase, ax: p.xAdvance, dx: p.xOffset, dy: p.yOffset, flags: info.flags };
  }
  return out;
}
