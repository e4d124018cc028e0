/**
 * Results an exporter keeps from build to build, for work that depends on less than a whole
 * artefact: a font subset depends on the characters or glyphs a page uses, not on its words,
 * so an edit to a translation's wording rarely needs a new one. The build says where to keep
 * them (its cache, under the version of the exporters); without that, nothing is kept.
 */
export interface Keep {
  /**
   * The bytes kept under `key`, or else `make()`'s, kept for next time. `key` names everything
   * the bytes depend on within one version of the exporters.
   */
  get(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array>;
}

let current: Keep | undefined;

/** Keep results there from now on (undefined: keep nothing). One build runs at a time per thread. */
export function keepIn(keep: Keep | undefined): void {
  current = keep;
}

/** The bytes kept under `key` where results are kept (see Keep.get), else simply `make()`'s. */
export function kept(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  return current ? current.get(key, make) : make();
}
