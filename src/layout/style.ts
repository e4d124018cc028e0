/**
 * Page formats and type sizes. A4 is the noticeboard page, A5 the leaflet; Arabic script gets
 * a slightly larger size and more leading, since its letters are smaller on the body and its
 * marks need room above and below.
 */
import type { Language } from '../languages.js';
import type { Colour } from './frame.js';

export type Format = 'a4' | 'a5';

export interface PageStyle {
  width: number;
  height: number;
  margin: { top: number; bottom: number; inner: number; outer: number };
  body: { size: number; lineHeight: number };
  title: { size: number; lineHeight: number };
  heading: { size: number; lineHeight: number };
  small: { size: number; lineHeight: number };
  /** Space between paragraphs, in points. */
  paragraphGap: number;
  /** Indent of lists and quotes from the start side. */
  indent: number;
  qr: number;
}

const MM = 72 / 25.4;

/** `scale` shrinks the type (not the page or margins) when copyfitting. */
export function pageStyle(format: Format, lang: Language, scale = 1): PageStyle {
  const style = baseStyle(format, lang);
  if (scale === 1) return style;
  const size = (t: { size: number; lineHeight: number }) => ({ ...t, size: t.size * scale });
  return {
    ...style,
    body: size(style.body), title: size(style.title), heading: size(style.heading), small: size(style.small),
    paragraphGap: style.paragraphGap * scale,
  };
}

function baseStyle(format: Format, lang: Language): PageStyle {
  const arabic = lang.script === 'Arab';
  const persian = lang.fonts.regular[0].startsWith('vazirmatn');
  if (format === 'a4') {
        // Vazirmatn's letters sit small on the body: Persian and Dari get a point more than Naskh.
    const body = !arabic ? { size: 10.5, lineHeight: 1.5 } : persian ? { size: 12, lineHeight: 1.75 } : { size: 11.5, lineHeight: 1.75 };
    return {
      width: 210 * MM,
      height: 297 * MM,
      margin: { top: 22 * MM, bottom: 22 * MM, inner: 24 * MM, outer: 24 * MM },
      body,
      title: { size: arabic ? 19 : 18, lineHeight: arabic ? 1.55 : 1.25 },
      heading: { size: body.size * 1.2, lineHeight: body.lineHeight },
      small: { size: 8.5, lineHeight: arabic ? 1.6 : 1.4 },
      paragraphGap: body.size * 0.6,
      indent: 8 * MM,
      qr: 24 * MM,
    };
  }
  const body = !arabic ? { size: 9, lineHeight: 1.45 } : persian ? { size: 9.8, lineHeight: 1.65 } : { size: 9.6, lineHeight: 1.7 };
  return {
    width: 148 * MM,
    height: 210 * MM,
    margin: { top: 15 * MM, bottom: 15 * MM, inner: 14 * MM, outer: 14 * MM },
    body,
    title: { size: arabic ? 15 : 14, lineHeight: arabic ? 1.5 : 1.22 },
    heading: { size: body.size * 1.15, lineHeight: body.lineHeight },
    small: { size: 7.5, lineHeight: arabic ? 1.55 : 1.35 },
    paragraphGap: body.size * 0.55,
    indent: 6 * MM,
    qr: 20 * MM,
  };
}

export function colour(hex: string): Colour {
  const n = parseInt(hex.slice(1), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}
