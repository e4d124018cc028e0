/**
 * A card's pixels (see raster.ts) → PNG or JPEG with sharp (libvips encodes). PNGs are true
 * colour, the exact pixels drawn. A 256-colour palette PNG is half the size (the card has
 * only paper, ink, one red and their anti-aliasing), but finding the palette cost 32 ms of CPU
 * per image against 13 ms for the whole true-colour PNG, about 0.5 s of a cold build's 28
 * PNGs, for files that platforms re-encode anyway (measured on 12 PNGs of three languages:
 * 1.4 MB against 0.65 MB). Encoders are
 * deterministic and sharp writes no timestamps, so the same pixels always give the same bytes.
 */
import { createRequire } from 'node:module';
import type Sharp from 'sharp';

// require(), not import: sharp ships a CommonJS and an ES module build, and the CommonJS one
// loaded faster here (84–111 ms against 98–134 ms), in every build that makes share images.
const sharp = createRequire(import.meta.url)('sharp') as typeof Sharp;

export type ImageType = 'png' | 'jpeg';

export interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

export async function encode(raster: Raster, type: ImageType): Promise<Uint8Array> {
  const image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } });
  const out =
    type === 'png'
      ? // No per-row filter search: with it the files were 10 % larger here (flat paper compresses
        // best unfiltered) and encoding took three times as long. zlib level 3, not 6: the 28
        // PNGs of a statement took 200–220 ms of CPU instead of 350–500 ms, and came out 7 %
        // larger (3.5 MB against 3.3 MB; the largest 184 KB).
        image.png({ compressionLevel: 3, adaptiveFiltering: false })
      : // 4:4:4 keeps the red rule and the thin strokes of small type clean; WhatsApp needs ≤ 300 KB.
        // Plain libjpeg-turbo, not mozjpeg: 8 times faster and closer to the raster (PSNR 43.6
        // against 38.9 dB) for files about a third larger (60–80 KB). No second pass to fit the
        // Huffman tables to the image: it changes no pixel, and took 13–16 ms of CPU per card
        // against 6 ms, for files 18 % smaller (54 against 64 KB for the 1200 × 630 card).
        image.jpeg({ quality: 88, chromaSubsampling: '4:4:4', mozjpeg: false, optimiseCoding: false });
  return new Uint8Array(await out.toBuffer());
}
