/**
 * The share image formats: pixel size, encoding, and where text may go. Each platform crops
 * or covers part of the image, so every format names its safe zone; the content box is the
 * safe zone minus a margin, and all type sizes scale with the content box's shorter side.
 */
import { SHARE_IMAGES } from '../../publication.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardFormat {
  file: string;
  width: number;
  height: number;
  type: 'png' | 'jpeg';
  /** Where text may be drawn. */
  safe: Rect;
  /** The safe zone minus the margins: every block of text is placed inside it. */
  content: Rect;
  /** Type scale: 1 for a content box whose shorter side is 550 px. */
  unit: number;
}

// Per pixel size: the safe zone and the margins inside it.
const ZONES: Record<string, { safe: (w: number, h: number) => Rect; marginX: number; marginY: number }> = {
  // X and Facebook show the whole 1.91 : 1 image in large link previews: the text uses its
  // width. Small square thumbnails (WhatsApp, Telegram) keep the middle, where the title is.
  '1200x630': { safe: (w, h) => ({ x: 0, y: 0, width: w, height: h }), marginX: 70, marginY: 40 },
  '1080x1080': { safe: (w, h) => ({ x: 0, y: 0, width: w, height: h }), marginX: 90, marginY: 90 },
  '1080x1350': { safe: (w, h) => ({ x: 0, y: 0, width: w, height: h }), marginX: 90, marginY: 110 },
  // Stories cover the top 250 px (profile, progress bar) and the bottom 340 px (reply field).
  '1080x1920': { safe: (w, h) => ({ x: 0, y: 250, width: w, height: h - 250 - 340 }), marginX: 90, marginY: 40 },
};

export const CARD_FORMATS: CardFormat[] = SHARE_IMAGES.map((image) => {
  const zone = ZONES[`${image.width}x${image.height}`];
  if (!zone) throw new Error(`No safe zone is defined for the share image ${image.file}.`);
  const safe = zone.safe(image.width, image.height);
  const content = {
    x: safe.x + zone.marginX,
    y: safe.y + zone.marginY,
    width: safe.width - 2 * zone.marginX,
    height: safe.height - 2 * zone.marginY,
  };
  return {
    file: image.file,
    width: image.width,
    height: image.height,
    type: image.file.endsWith('.jpg') ? 'jpeg' : 'png',
    safe,
    content,
    unit: Math.min(content.width, content.height) / 550,
  };
});

export function cardFormat(file: string): CardFormat {
  const format = CARD_FORMATS.find((f) => f.file === file);
  if (!format) throw new Error(`Unknown share image ${file}.`);
  return format;
}
