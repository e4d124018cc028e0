/** What the UI string rules share: the flattened English and translated resources, computed once. */
import type { Point, UiStrings } from '../../content/index.js';
import { flatten, keyPlaces, pluralBase } from '../json.js';

export interface UiView {
  strings: Map<string, unknown>;
  places: Map<string, Point>;
  /** Plural bases and the categories written for each. */
  plurals: Map<string, Set<string>>;
}

const cache = new WeakMap<UiStrings, UiView>();

export function view(ui: UiStrings): UiView | undefined {
  if (!ui.resources) return undefined;
  let v = cache.get(ui);
  if (!v) {
    const strings = flatten(ui.resources);
    const plurals = new Map<string, Set<string>>();
    for (const key of strings.keys()) {
      const base = pluralBase(key);
      if (!base) continue;
      if (!plurals.has(base)) plurals.set(base, new Set());
      plurals.get(base)!.add(key.slice(base.length + 1));
    }
    v = { strings, places: keyPlaces(ui.text), plurals };
    cache.set(ui, v);
  }
  return v;
}

/** The plural categories a language needs, in CLDR order. */
export function pluralCategories(tag: string): string[] {
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const found = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
  return order.filter((c) => found.includes(c));
}
