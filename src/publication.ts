/**
 * A publication is one statement in one language, ready for the exporters: the parsed
 * document, its English source, the UI strings and the other published languages.
 * The build decides which publications exist (those that pass the check); the exporters
 * turn each into artefacts.
 */
import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { FONTS, licenceFileName, type FontId } from './fonts.js';
import type { Language } from './languages.js';
import type { Document, Repository } from './content/repository.js';
import { findTranslation, findUi } from './content/find.js';

export interface Publication {
  slug: string;
  lang: Language;
  /** The text to publish: the translation, or the source itself for the source language. */
  doc: Document;
  /** The English source. */
  source: Document;
  /** i18next bound to this language, falling back to English for nothing: the check guarantees keys. */
  t: TFunction;
  /** Every language this statement is published in, this one included, in registry order. */
  published: Language[];
  /** ISO date of the statement (from the translation, else the source). */
  date: string;
  /**
   * Published as a draft, with the draft notice: `status: draft`, or a translation not yet
   * stamped after review (no `source:` line; the check warns `not-reviewed`). See isDraft().
   */
  draft?: boolean;
}

/** Whether a document is published as a draft: marked so, or a translation never stamped after review. */
export function isDraft(doc: Document, lang: Language): boolean {
  return doc.data.status === 'draft' || (!lang.source && doc.data.source === undefined);
}

/** A file the build writes under dist/. */
export interface Artefact {
  /** Path under dist/, forward slashes, e.g. `humanitarian-visas/fa/index.html`. */
  path: string;
  bytes: Uint8Array;
  kind: 'html' | 'pdf' | 'image' | 'font' | 'css' | 'feed' | 'sitemap' | 'licence' | 'manifest' | 'zip' | 'other';
  slug?: string;
  lang?: string;
  width?: number;
  height?: number;
  pages?: number;
  alt?: string;
}

/**
 * The i18next `t` for one language from the repository's ui.json files. One i18next instance
 * per repository serves every language: creating one costs about 3 ms, and a build thread
 * used to create one per publication, most of them never asked for a string.
 */
export function translator(repo: Repository, lang: Language): TFunction {
  let instance = instances.get(repo);
  if (!instance) {
    const resources: Record<string, { translation: Record<string, unknown> }> = {};
    for (const ui of repo.ui) if (ui.resources) resources[ui.lang.tag] = { translation: ui.resources };
    instance = i18next.createInstance();
    // initAsync: false makes init synchronous, since the resources are already in memory.
    void instance.init({
      fallbackLng: 'en',
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<typeof instance.init>[0]);
    instances.set(repo, instance);
  }
  return instance.getFixedT(lang.tag);
}

const instances = new WeakMap<Repository, ReturnType<typeof i18next.createInstance>>();

/**
 * Every publication of the repository, or only those `include` accepts (the build passes the
 * check's verdict here). The source language is always published when its statement loads; a
 * language without a translation file is not offered at all (the check calls it pending), so
 * the build publishes what is ready without being told to skip it.
 */
export function publications(
  repo: Repository,
  include: (slug: string, lang: Language) => boolean = () => true,
): Publication[] {
  const result: Publication[] = [];
  for (const source of repo.statements) {
    const docs = repo.languages
      .map((lang) => ({ lang, doc: lang.source ? source : findTranslation(repo, source.slug, lang.tag) }))
      .filter((p): p is { lang: Language; doc: Document } => p.doc !== undefined && findUi(repo, p.lang.tag) !== undefined)
      .filter((p) => include(source.slug, p.lang));
    const published = docs.map((p) => p.lang);
    for (const { lang, doc } of docs) {
      result.push({
        slug: source.slug,
        lang,
        doc,
        source,
        // Made on first use: most threads render a few of the publications they know of.
        get t() {
          const t = translator(repo, lang);
          Object.defineProperty(this, 't', { value: t, enumerable: true });
          return t;
        },
        published,
        date: String(doc.data.date ?? source.data.date ?? ''),
        draft: isDraft(doc, lang),
      });
    }
  }
  return result;
}


/** The share images every publication gets, with their pixel sizes. */
export const SHARE_IMAGES = [
  { file: 'share-1200x630.png', width: 1200, height: 630 },
  { file: 'share-1200x630.jpg', width: 1200, height: 630 },
  { file: 'share-1080x1080.png', width: 1080, height: 1080 },
  { file: 'share-1080x1350.png', width: 1080, height: 1350 },
  { file: 'share-1080x1920.png', width: 1080, height: 1920 },
] as const;

/** Paths under dist/ of one publication's main artefacts; every exporter and link uses these. */
export function artefactPaths(slug: string, lang: string) {
  const dir = `${slug}/${lang}`;
  return {
    dir,
    page: `${dir}/index.html`,
    pdfA4: `${dir}/${slug}-${lang}-a4.pdf`,
    pdfA5: `${dir}/${slug}-${lang}-a5.pdf`,
    text: `${dir}/${slug}-${lang}.txt`,
    images: SHARE_IMAGES.map((image) => ({ ...image, path: `${dir}/${image.file}` })),
    /** The Open Graph image. */
    ogImage: `${dir}/share-1200x630.jpg`,
    fontsDir: `${dir}/fonts`,
    /** The offline bundle of this statement in this language (made by the build). */
    bundle: `release/${slug}-${lang}.zip`,
  };
}

/** The offline bundle of every statement in one language (made by the build). */
export function languageBundlePath(lang: string): string {
  return `release/${lang}.zip`;
}

/** Absolute URL of a path under dist/, from the configured base URL. */
export function absoluteUrl(baseUrl: string, distPath: string): string {
  return new URL(distPath.replace(/index\.html$/, ''), baseUrl).href;
}

/** What the share images say, and their alt text: the title plus the quote (or the summary). */
export function shareText(pub: Publication): { title: string; quote: string; alt: string } {
  const title = String(pub.doc.data.title ?? '');
  const quote = String(pub.doc.data.quote ?? pub.doc.data.summary ?? '');
  const { open, close } = pub.lang.quotes;
  return { title, quote, alt: `${title}: ${open}${quote}${close}` };
}

/**
 * The licence of every font family among `fonts`, as artefacts in `dir` (sorted by family).
 * Every exporter ships them beside what embeds the fonts, under the same names and bytes.
 */
export function fontLicences(fonts: Iterable<FontId>, dir: string, meta: Pick<Artefact, 'slug' | 'lang'> = {}): Artefact[] {
  const families = new Map<string, string>();
  for (const id of fonts) families.set(FONTS[id].family, FONTS[id].licence);
  return [...families.keys()].sort().map((family) => ({
    path: `${dir}/${licenceFileName(family)}`,
    bytes: new Uint8Array(fs.readFileSync(families.get(family)!)),
    kind: 'licence' as const,
    ...meta,
  }));
}
