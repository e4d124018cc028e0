// wawoff2 (Google's WOFF2 code in WebAssembly) ships no types; the tests decode with it.
declare module 'wawoff2' {
  const wawoff2: { decompress(woff2: Uint8Array): Promise<Uint8Array>; compress(sfnt: Uint8Array): Promise<Uint8Array> };
  export default wawoff2;
}
