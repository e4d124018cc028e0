/**
 * The site's icons from ONE drawing, src/export/html/icon.svg: favicon.svg is that file as it is,
 * icon-192.png (Android, the web app icon) and apple-touch-icon.png (180 px, iOS home screens)
 * are rendered from it with sharp. Every page links them (head.ts iconLinks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';
import type { Artefact } from '../../publication.js';
import { ICONS } from './head.js';

/** The icon's source, from the checkout (compiled code runs elsewhere, see src/config.ts). */
export const ICON_SOURCE = path.join(PROJECT_ROOT, 'src/export/html/icon.svg');

export async function iconArtefacts(svg: Uint8Array = new Uint8Array(fs.readFileSync(ICON_SOURCE))): Promise<Artefact[]> {
  // Loaded here, not with the module: the threads that render only statement pages never need it.
  const { default: sharp } = await import('sharp');
  const png = async (size: number) => new Uint8Array(await sharp(Buffer.from(svg), { density: Math.ceil((72 * size) / 64) })
    .resize(size, size).png({ compressionLevel: 9 }).toBuffer());
  return [
    { path: ICONS.svg, bytes: svg, kind: 'other' },
    { path: ICONS.png, bytes: await png(192), kind: 'image', width: 192, height: 192 },
    { path: ICONS.apple, bytes: await png(180), kind: 'image', width: 180, height: 180 },
  ];
}
