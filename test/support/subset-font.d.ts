// subset-font ships no types; this is the part of its API the tests use.
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    noHinting?: boolean;
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
    dropTables?: string[];
  }
  export default function subsetFont(font: Uint8Array | Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
