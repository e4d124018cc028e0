/**
 * SVG → PNG or JPEG with sharp (librsvg renders, libvips encodes). The card has few colours
 * (paper, ink, one red and their anti-aliasing), so a 256-colour palette PNG looks the same
 * as a true-colour one at a fraction of the size (measured: at most a few levels off on
 * anti-aliased edges). Encoders are deterministic and sharp writes no timestamps, so the same
 * SVG always gives the same bytes.
 */
import sharp from 'sharp';

export type ImageType = 'png' | 'jpeg';

export interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

/** Render the SVG once, on the paper colour, as raw RGB; each encoder then starts from these pixels. */
export async function rasterise(svg: string, background: string): Promise<Raster> {
  // Paint the paper first inside the SVG, so every pixel is opaque and dropping the alpha
  // channel is exact: cheaper than libvips's flatten, and the same pixels (measured).
  const open = svg.indexOf('>') + 1;
  const painted = `${svg.slice(0, open)}<rect width="100%" height="100%" fill="${background}"/>${svg.slice(open)}`;
  // density 72: one SVG pixel is one image pixel.
  const { data, info } = await sharp(Buffer.from(painted), { density: 72 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export async function encode(raster: Raster, type: ImageType): Promise<Uint8Array> {
  const image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } });
  const out =
    type === 'png'
      ? // Quantisation effort 3: the same bytes ± 1 % as the default 7, in a third of the time
        // (lower efforts cost no less here). zlib level 6, not 9: files about 6 % larger (all
        // under 100 KB) for encoding 2.5 times faster (measured on the 28 PNGs of a statement).
        image.png({ palette: true, colours: 256, dither: 0, compressionLevel: 6, effort: 3 })
      : // 4:4:4 keeps the red rule and the thin strokes of small type clean; WhatsApp needs ≤ 300 KB.
        // Plain libjpeg-turbo, not mozjpeg: 8 times faster and closer to the raster (PSNR 43.6
        // against 38.9 dB) for files about a third larger (60–80 KB).
        image.jpeg({ quality: 88, chromaSubsampling: '4:4:4', mozjpeg: false });
  return new Uint8Array(await out.toBuffer());
}
