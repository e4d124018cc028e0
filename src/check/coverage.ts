/**
 * Font coverage: which characters each language's fonts can draw.
 *
 * Loading fonts (harfbuzzjs) is asynchronous, the check is not: `prepareCheck()` loads the
 * fonts of every language's chains once per process and keeps one set of code points per
 * language and style. `checkRepository` throws if it was not awaited first.
 */
import { LANGUAGES, type Language } from '../languages.js';
import type { FontId, FontStyle } from '../fonts.js';
import { loadFont } from '../typeset/harfbuzz.js';

const STYLES: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

let fontSets: Map<FontId, Set<number>> | undefined;

/** Load the fonts the coverage rule needs. Await once before `checkRepository`. */
export async function prepareCheck(languages: Language[] = LANGUAGES): Promise<void> {
  const ids = new Set<FontId>();
  // The English statements are always checked, whatever languages were asked for.
  for (const lang of [...languages, ...LANGUAGES.filter((l) => l.source)]) for (const style of STYLES) for (const id of lang.fonts[style]) ids.add(id);
  const sets = fontSets ?? new Map<FontId, Set<number>>();
  for (const id of ids) if (!sets.has(id)) sets.set(id, (await loadFont(id)).unicodes);
  fontSets = sets;
}

export function isPrepared(languages: Language[]): boolean {
  return fontSets !== undefined && languages.every((l) => STYLES.every((s) => l.fonts[s].every((id) => fontSets!.has(id))));
}

/**
 * Characters shaping handles without a glyph of their own (joiners, variation selectors,
 * soft hyphen, line breaks), which fonts need not map.
 */
export function needsGlyph(cp: number): boolean {
  if (cp === 0x0a || cp === 0x09 || cp === 0x0d) return false;
  if (cp === 0x00ad || cp === 0x034f || cp === 0x061c) return false;
  if (cp >= 0x200b && cp <= 0x200f) return false;
  if (cp >= 0x2028 && cp <= 0x202e) return false;
  if (cp >= 0x2060 && cp <= 0x206f) return false;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return false;
  if (cp === 0xfeff) return false;
  return true;
}

const chainSets = new Map<string, Set<number>>();

/** The code points some font of the language's chain for `style` draws (the union of the chain). */
export function coverage(lang: Language, style: FontStyle): Set<number> {
  if (!fontSets) throw new Error('The font coverage check needs `await prepareCheck()` before `checkRepository()`.');
  const key = lang.fonts[style].join(' ');
  let set = chainSets.get(key);
  if (!set) {
    set = new Set<number>();
    for (const id of lang.fonts[style]) for (const cp of fontSets.get(id) ?? []) set.add(cp);
    chainSets.set(key, set);
  }
  return set;
}

/** Whether some font in the language's chain for `style` draws `cp`. */
export function covers(lang: Language, style: FontStyle, cp: number): boolean {
  return coverage(lang, style).has(cp);
}

/** The font families of a language's chain, for messages. */
export function chainNames(lang: Language, style: FontStyle): string {
  return lang.fonts[style].join(', ');
}
