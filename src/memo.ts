/**
 * A memo keeps results that depend on less than a whole artefact (a font subset depends on the
 * characters a page uses, not on its words) from one build to the next. The build passes one
 * in, backed by its cache; exporters called without one simply make the bytes.
 * `key` must name everything the bytes depend on within one version of the code.
 */
export type Memo = (key: string, make: () => Promise<Uint8Array>) => Promise<Uint8Array>;

export const noMemo: Memo = (_key, make) => make();
