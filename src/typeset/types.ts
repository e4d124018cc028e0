/**
 * What goes into the text engine and what comes out: the contract between layout and the
 * exporters (PDF, share images). Exporters know nothing of Markdown; the engine knows nothing
 * of PDF or SVG. All lengths are in the caller's unit (points for PDF, pixels for images):
 * the engine scales font units by `size`.
 */
import type { FontId, FontStyle } from '../fonts.js';
import type { Language } from '../languages.js';

/** A piece of a paragraph in one style, in logical (reading) order. */
export interface TextRun {
  text: string;
  style: FontStyle;
  /** Target of a link covering this run; the PDF makes it a link annotation. */
  href?: string;
}

export type Align = 'start' | 'end' | 'center' | 'justify';

export interface ParagraphInput {
  runs: TextRun[];
  lang: Language;
  /** Font size in the caller's unit. */
  size: number;
  /** Width available for each line. */
  width: number;
  /** Baseline-to-baseline distance as a multiple of `size`. */
  lineHeight: number;
  /** `start` follows the paragraph direction: right-aligned for RTL. */
  align: Align;
  /** Paragraph direction; defaults to the language's direction. */
  direction?: 'ltr' | 'rtl';
  /** Hyphenate where the language has patterns (default true for justified text). */
  hyphenate?: boolean;
}

export interface PositionedGlyph {
  font: FontId;
  glyphId: number;
  /** Font size in the caller's unit (the same for every glyph of a paragraph). */
  size: number;
  /** Pen position from the line's left edge, offsets already applied. */
  x: number;
  /** Offset above the baseline (marks), positive up. */
  y: number;
  /** Advance as shaped, justification included. */
  advance: number;
  /**
   * The source text of this glyph's cluster on the cluster's first glyph in logical order;
   * '' on the other glyphs of the cluster. Copy-and-paste and ToUnicode come from this.
   */
  text: string;
  /** UTF-16 offset of the cluster in the paragraph's logical text. */
  cluster: number;
  /** Bidi embedding level is odd: this glyph belongs to a right-to-left run. */
  rtl: boolean;
  /** Index into ParagraphInput.runs. */
  run: number;
  /** A tatweel the justifier inserted; it has no source text. */
  kashida?: boolean;
  /**
   * The hyphen inserted at the end of a hyphenated line; it has no source text (`text: ''`),
   * so the exporter decides what copy-and-paste shows.
   */
  hyphen?: boolean;
}

export interface Line {
  /** Glyphs in visual order, left to right. */
  glyphs: PositionedGlyph[];
  /** Width of the inked line (after justification), from the first glyph to the last. */
  width: number;
  /** Distance from the line's box top to its baseline. */
  ascent: number;
  descent: number;
  /** Baseline position from the paragraph's top. */
  baseline: number;
  /** The line's text in logical order (for tests, search and accessibility). */
  text: string;
  /** The line ends in an inserted hyphen. */
  hyphenated: boolean;
}

export interface ParagraphLayout {
  lines: Line[];
  /** Total height: the last baseline plus its descent. */
  height: number;
  width: number;
  direction: 'ltr' | 'rtl';
}
