/**
 * The font catalogue: every font file the project may embed, and why it was chosen.
 *
 * Whole TTF files from npm packages with the SIL Open Font License. Subsetting happens per
 * artefact (hb-subset, by glyph for PDFs and by character for web pages), never in the catalogue.
 *
 * - PT Serif (ParaType, 2010): a serif made for Russian and the languages of Russia, with
 *   true italics and Belarusian ў and і. Latin and Cyrillic in one design, so German and
 *   Russian pages look like one publication. In Arabic and Persian text it is only the fallback
 *   for what those fonts lack (Cyrillic, Latin italics): both carry a Latin of their own that
 *   matches their Arabic letters, and the first font of a chain with a glyph wins.
 * - Noto Naskh Arabic: a Naskh, the form Arabic readers expect for body text, with full
 *   mark positioning (GPOS) for shadda and tanwin.
 * - Vazirmatn: designed for Persian, with Persian letter forms and digits that Farsi and
 *   Dari readers prefer over Arabic-style type. It carries its own Latin.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFile {
  /** Stable id used in registries, caches and PDF resource names. */
  id: string;
  family: string;
  weight: 400 | 700;
  italic: boolean;
  /** Absolute path of the TTF. */
  file: string;
  /** Absolute path of the licence text that must ship with anything embedding the font. */
  licence: string;
}

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function font(
  id: string,
  family: string,
  weight: 400 | 700,
  italic: boolean,
  pkg: string,
  relFile: string,
  relLicence: string,
): FontFile {
  const dir = packageDir(pkg);
  return { id, family, weight, italic, file: path.join(dir, relFile), licence: path.join(dir, relLicence) };
}

const PT = '@expo-google-fonts/pt-serif';
const NASKH = '@expo-google-fonts/noto-naskh-arabic';

export const FONTS = {
  'pt-serif-regular': font('pt-serif-regular', 'PT Serif', 400, false, PT, '400Regular/PTSerif_400Regular.ttf', 'LICENSE_FONT'),
  'pt-serif-italic': font('pt-serif-italic', 'PT Serif', 400, true, PT, '400Regular_Italic/PTSerif_400Regular_Italic.ttf', 'LICENSE_FONT'),
  'pt-serif-bold': font('pt-serif-bold', 'PT Serif', 700, false, PT, '700Bold/PTSerif_700Bold.ttf', 'LICENSE_FONT'),
  'pt-serif-bold-italic': font('pt-serif-bold-italic', 'PT Serif', 700, true, PT, '700Bold_Italic/PTSerif_700Bold_Italic.ttf', 'LICENSE_FONT'),
  'noto-naskh-arabic-regular': font('noto-naskh-arabic-regular', 'Noto Naskh Arabic', 400, false, NASKH, '400Regular/NotoNaskhArabic_400Regular.ttf', 'LICENSE_FONT'),
  'noto-naskh-arabic-bold': font('noto-naskh-arabic-bold', 'Noto Naskh Arabic', 700, false, NASKH, '700Bold/NotoNaskhArabic_700Bold.ttf', 'LICENSE_FONT'),
  'vazirmatn-regular': font('vazirmatn-regular', 'Vazirmatn', 400, false, 'vazirmatn', 'fonts/ttf/Vazirmatn-Regular.ttf', 'OFL.txt'),
  'vazirmatn-bold': font('vazirmatn-bold', 'Vazirmatn', 700, false, 'vazirmatn', 'fonts/ttf/Vazirmatn-Bold.ttf', 'OFL.txt'),
} satisfies Record<string, FontFile>;

export type FontId = keyof typeof FONTS;

/** A fallback chain per style: the first font that has a glyph for a cluster wins. */
export type FontChains = Record<FontStyle, FontId[]>;

export function fontFile(id: FontId): FontFile {
  return FONTS[id];
}

/** The licence file that ships beside anything embedding a family, e.g. `LICENSE-PT-Serif.txt`. */
export function licenceFileName(family: string): string {
  return `LICENSE-${family.replace(/\s+/g, '-')}.txt`;
}
