/**
 * renderShareImages as the build calls it: the five files with their exact pixel sizes and
 * encodings, sizes the platforms accept, the same bytes every time, the fonts' licences,
 * and a clear message when a quote is too long.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardFormat } from '../../src/export/image/index.js';
import { FONTS } from '../../src/fonts.js';
import { SHARE_IMAGES, artefactPaths, shareText, type Artefact, type Publication } from '../../src/publication.js';
import { ShareImageFitError, renderShareImages } from '../../src/render/images.js';
import { LAYOUT_FORMATS, PUBLICATIONS, compose, publication } from './support.js';

const rendered = new Map<string, Artefact[]>();

beforeAll(async () => {
  for (const pub of PUBLICATIONS) rendered.set(pub.lang.tag, await renderShareImages(pub));
}, 180_000);

describe.each(PUBLICATIONS.map((p) => [p.lang.tag, p] as const))('share images in %s', (tag, pub) => {
  it('are the five listed files with exact dimensions, formats and alt text', async () => {
    const images = rendered.get(tag)!.filter((a) => a.kind === 'image');
    expect(images.map((a) => a.path)).toEqual(artefactPaths(pub.slug, tag).images.map((i) => i.path));
    for (const [i, image] of images.entries()) {
      const meta = await sharp(image.bytes).metadata();
      expect([meta.width, meta.height], image.path).toEqual([SHARE_IMAGES[i]!.width, SHARE_IMAGES[i]!.height]);
      expect([image.width, image.height]).toEqual([meta.width, meta.height]);
      expect(meta.format).toBe(image.path.endsWith('.jpg') ? 'jpeg' : 'png');
      expect(image.alt).toBe(shareText(pub).alt);
      expect(image.alt).toContain(shareText(pub).title);
      if (meta.format === 'jpeg') expect(image.bytes.length, 'WhatsApp drops previews over 300 KB').toBeLessThanOrEqual(300 * 1024);
      else {
        expect(image.bytes.length).toBeLessThan(400 * 1024);
        expect(meta.isPalette, 'true-colour PNG').toBe(false);
      }
    }
  }, 60_000);

  it('ship the licence of every font family they draw with', async () => {
    const licences = rendered.get(tag)!.filter((a) => a.kind === 'licence');
    const drawn = new Set<string>([FONTS[pub.lang.fonts.regular[0]!].family]);
    for (const format of LAYOUT_FORMATS) for (const b of (await compose(pub, format)).blocks) for (const id of b.block.fonts) drawn.add(FONTS[id].family);
    const families = [...drawn].sort().map((f) => f.replace(/ /g, '-'));
    expect(licences.map((a) => a.path)).toEqual(families.map((f) => `${pub.slug}/${tag}/fonts/LICENSE-${f}.txt`));
    for (const licence of licences) {
      const family = Object.values(FONTS).find((f) => licence.path.endsWith(`LICENSE-${f.family.replace(/ /g, '-')}.txt`))!;
      expect(Buffer.from(licence.bytes).equals(fs.readFileSync(family.licence))).toBe(true);
    }
  }, 60_000);
});

describe('share images are deterministic', () => {
  it('gives byte-identical files for the same publication', async () => {
    const again = await renderShareImages(publication('fa'));
    const first = rendered.get('fa')!;
    expect(again.map((a) => a.path)).toEqual(first.map((a) => a.path));
    for (const [i, a] of again.entries()) expect(Buffer.from(a.bytes).equals(Buffer.from(first[i]!.bytes)), a.path).toBe(true);
  }, 60_000);
});

describe('the PNG', () => {
  it('has exactly the pixels of the card’s SVG as librsvg draws it', async () => {
    const pub = publication('ar');
    const format = cardFormat('share-1080x1080.png');
    const card = await compose(pub, format);
    const truth = await sharp(Buffer.from(card.svg), { density: 72 }).removeAlpha().raw().toBuffer();
    const png = rendered.get('ar')!.find((a) => a.path.endsWith(format.file))!;
    const decoded = await sharp(png.bytes).removeAlpha().raw().toBuffer();
    expect(decoded.length).toBe(format.width * format.height * 3);
    expect(decoded.equals(truth)).toBe(true);
  }, 60_000);
});

describe('a quote too long for the images', () => {
  const withQuote = (pub: Publication, quote: string): Publication => ({ ...pub, doc: { ...pub.doc, data: { ...pub.doc.data, quote } } });

  it.each(['de', 'ar'])('fails in %s with a message naming the statement, language and image', async (tag) => {
    const pub = publication(tag);
    const long = Array.from({ length: 12 }, () => String(pub.doc.data.summary)).join(' ');
    const error = await renderShareImages(withQuote(pub, long)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShareImageFitError);
    const fit = error as ShareImageFitError;
    expect([fit.slug, fit.lang]).toEqual([pub.slug, tag]);
    expect(fit.image).toMatch(/^share-\d+x\d+\.png$/);
    expect(fit.message).toContain(`“${pub.slug}”`);
    expect(fit.message).toContain(`(${tag})`);
    expect(fit.message).toContain(fit.image);
    expect(fit.message).toContain(`“quote” field in translations/${tag}/${pub.slug}.md`);
    const suggested = Number(/about (\d+) characters/.exec(fit.message)?.[1]);
    expect(suggested).toBeGreaterThan(20);
    expect(suggested).toBeLessThan(long.length);
  }, 60_000);

  it('accepts the suggested length', async () => {
    const pub = publication('de');
    const long = Array.from({ length: 12 }, () => String(pub.doc.data.summary)).join(' ');
    const error = (await renderShareImages(withQuote(pub, long)).catch((e: unknown) => e)) as ShareImageFitError;
    const suggested = Number(/about (\d+) characters/.exec(error.message)?.[1]);
    const words = long.split(' ');
    let cut = '';
    for (const w of words) if ((cut ? `${cut} ${w}` : w).length <= suggested) cut = cut ? `${cut} ${w}` : w;
    const images = await renderShareImages(withQuote(pub, cut)).catch((e: unknown) => e);
    // Shortened to the suggestion, the quote fits the first image; a taller one may still refuse it.
    if (images instanceof ShareImageFitError) expect(images.image).not.toBe('share-1200x630.png');
    else expect(Array.isArray(images)).toBe(true);
  }, 60_000);
});
