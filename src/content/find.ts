/** Lookups in a loaded repository. No parser here: see repository.ts for loading. */
import type { Document, Repository, UiStrings } from './repository.js';

export function findStatement(repo: Repository, slug: string): Document | undefined {
  return repo.statements.find((d) => d.slug === slug);
}

export function findTranslation(repo: Repository, slug: string, lang: string): Document | undefined {
  return repo.translations.find((d) => d.slug === slug && d.lang.tag === lang);
}

export function findUi(repo: Repository, lang: string): UiStrings | undefined {
  return repo.ui.find((u) => u.lang.tag === lang);
}
