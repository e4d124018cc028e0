/**
 * Self-hosted web fonts for one page: which font draws which character (the language's
 * fallback chain per style, as the PDF engine decides it), one WOFF2 subset per font with
 * only those characters, and the @font-face rules that load them from the page's own folder.
 */
import type { Element, Root, Parent } from 'hast';
import { FONTS, type FontId, type FontStyle } from '../../fonts.js';
import { findLanguage, type Language } from '../../languages.js';
import { loadFont } from '../../typeset/harfbuzz.js';
import { subsetText } from '../font-subset.js';
import { noMemo, type Memo } from '../../memo.js';
import { woff2 } from './woff2.js';

const BOLD = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th']);
const ITALIC = new Set(['em', 'i']);
/** Not drawn with the page's fonts. */
const UNRENDERED = new Set(['head', 'script', 'style', 'template']);

/** The characters each language uses in each style, read from the page as the browser will style it. */
export type TextUse = Map<string, Record<FontStyle, Set<string>>>;

export function collectText(tree: Root | Element, pageLang: string): TextUse {
  const use: TextUse = new Map();
  const walk = (node: Parent, lang: string, bold: boolean, italic: boolean) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        let entry = use.get(lang);
        if (!entry) use.set(lang, (entry = { regular: new Set(), bold: new Set(), italic: new Set(), boldItalic: new Set() }));
        const style: FontStyle = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
        for (const c of child.value) entry[style].add(c);
      } else if (child.type === 'element' && !UNRENDERED.has(child.tagName)) {
        const childLang = typeof child.properties.lang === 'string' ? child.properties.lang : lang;
        walk(child, childLang, bold || BOLD.has(child.tagName), italic || ITALIC.has(child.tagName));
      }
    }
  };
  walk(tree, pageLang, false, false);
  return use;
}

export interface FontFace {
  id: FontId;
  family: string;
  weight: 400 | 700;
  italic: boolean;
}

export interface FontPlan {
  /** Characters each font must draw. */
  chars: Map<FontId, Set<string>>;
  /** The @font-face rules: a font can serve several styles (Persian emphasis uses the upright face). */
  faces: FontFace[];
  /** The font-family list of each language on the page. */
  families: Map<string, string[]>;
}

/** Give each character to the first font of its language's chain that has it. */
export async function planFonts(use: TextUse): Promise<FontPlan> {
  const plan: FontPlan = { chars: new Map(), faces: [], families: new Map() };
  const faceKeys = new Set<string>();
  for (const [tag, styles] of use) {
    const lang = findLanguage(tag) ?? findLanguage(tag.split('-')[0]);
    if (!lang) continue;
    plan.families.set(tag, familyList(lang));
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as FontStyle[]) {
      for (const c of styles[style]) {
        const id = await firstCovering(lang.fonts[style], c.codePointAt(0)!);
        if (!id) continue; // no catalogue font has it: the reader's system font draws it
        let set = plan.chars.get(id);
        if (!set) plan.chars.set(id, (set = new Set()));
        set.add(c);
        const face: FontFace = { id, family: FONTS[id].family, weight: style.startsWith('bold') ? 700 : 400, italic: style === 'italic' || style === 'boldItalic' };
        const key = `${face.family}|${face.weight}|${face.italic}`;
        if (!faceKeys.has(key)) {
          faceKeys.add(key);
          plan.faces.push(face);
        }
      }
    }
  }
  plan.faces.sort((a, b) => `${a.family}${a.weight}${a.italic}`.localeCompare(`${b.family}${b.weight}${b.italic}`));
  return plan;
}

async function firstCovering(chain: FontId[], codePoint: number): Promise<FontId | undefined> {
  for (const id of chain) if ((await loadFont(id)).unicodes.has(codePoint)) return id;
  return undefined;
}

export function familyList(lang: Language): string[] {
  return [...new Set(lang.fonts.regular.map((id) => FONTS[id].family))];
}

/** Deterministic WOFF2 file name of a font inside a fonts folder. */
export function fontFileName(id: FontId): string {
  return `${id}.woff2`;
}


const subsets = new Map<string, Promise<Uint8Array>>();

/**
 * The WOFF2 subset of a font with exactly these characters (see subsetText). Memoised, since
 * the site pages ask again.
 */
export function subset(id: FontId, chars: Set<string>, memo: Memo = noMemo): Promise<Uint8Array> {
  const text = [...chars].sort().join('');
  const key = `${id}\u0000${text}`;
  let result = subsets.get(key);
  if (!result) {
    // The bytes HarfBuzz already holds for shaping and coverage: the file is not read again.
    const make = () => loadFont(id).then(({ bytes }) => subsetText(bytes, text)).then(woff2);
    // Subsetting with every layout feature kept is about half the work of a page: keep it.
    result = memo(`woff2 subset\0${id}\0${text}`, make);
    subsets.set(key, result);
  }
  return result;
}

export function fontFaceCss(plan: FontPlan, urlPrefix: string): string {
  return plan.faces
    .map((f) => `@font-face{font-family:"${f.family}";src:url("${urlPrefix}${fontFileName(f.id)}") format("woff2");font-weight:${f.weight};font-style:${f.italic ? 'italic' : 'normal'};font-display:swap}`)
    .join('\n');
}

export function familyCss(plan: FontPlan): string {
  return [...plan.families]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, families]) => `[lang="${tag}"]{font-family:${families.map((f) => `"${f}"`).join(',')},serif}`)
    .join('\n');
}

/** Forget memoised subsets (benchmarks measure subsetting; long-running dev servers free memory). */
export function clearSubsetCache(): void {
  subsets.clear();
}
