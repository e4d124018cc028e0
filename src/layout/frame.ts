/**
 * Frames: what layout produces and exporters consume. A frame is one page of positioned
 * things (glyph lines, filled boxes, link areas), each tied to a node of the document's
 * logical structure or marked as page furniture. Frames know nothing of PDF; the PDF
 * exporter knows nothing of Markdown.
 *
 * Coordinates are points, origin at the page's top-left corner, y growing downwards.
 */
import type { PositionedGlyph } from '../typeset/types.js';

/** Roles of the logical structure, named as tagged PDF names them. */
export type StructRole =
  | 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Link' | 'Figure' | 'Div';

export interface StructNode {
  id: number;
  role: StructRole;
  children: StructNode[];
  /** Alternative text (figures such as the QR code). */
  alt?: string;
  /** Link target, for Link nodes. */
  href?: string;
}

/** Content belongs to a structure node, or is an artifact (running header, footer, rules). */
export type Tag = { node: number } | { artifact: 'Pagination' | 'Layout' };

export interface Colour {
  r: number;
  g: number;
  b: number;
}

/** One line of glyphs, in visual order, drawn from its left edge at `x` on `baseline`. */
export interface GlyphLine {
  kind: 'glyphs';
  x: number;
  baseline: number;
  glyphs: PositionedGlyph[];
  colour: Colour;
  /** Paragraph direction: exporters emit RTL lines' bidi runs in reading order. */
  direction: 'ltr' | 'rtl';
  /**
   * Structure per glyph run: index into `glyphs` where each tag starts (sorted), with the
   * colour of that stretch when it differs from the line's (links).
   */
  tags: { from: number; tag: Tag; colour?: Colour }[];
}

export interface Box {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  colour: Colour;
  tag: Tag;
}

/** A clickable area leading to `href`, belonging to a Link structure node. */
export interface LinkArea {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  href: string;
  node: number;
}

export type FrameItem = GlyphLine | Box | LinkArea;

export interface Frame {
  width: number;
  height: number;
  items: FrameItem[];
}

export interface DocumentInfo {
  /** BCP 47 tag of the document's language. */
  lang: string;
  title: string;
  author: string;
  subject: string;
  /** Creation and modification time (deterministic: the statement date or SOURCE_DATE_EPOCH). */
  date: Date;
  creator: string;
}

/** A laid-out document: pages plus the logical structure their content points into. */
export interface LaidOutDocument {
  info: DocumentInfo;
  frames: Frame[];
  structure: StructNode;
}
