/**
 * WOFF2 files from TrueType fonts (W3C WOFF 2.0): every table as it is (the null transform),
 * all Brotli-compressed by Node's own zlib, behind the WOFF2 header and table directory.
 *
 * Why not the glyf and hmtx transforms: they made the files only a little smaller, for two
 * modules of our own; why not wawoff2 (Google's encoder, in WebAssembly): it is many times
 * slower, on the thread that typesets. Brotli runs on libuv's threads, at quality 5: the higher
 * ones cost far more CPU for files hardly smaller (figures in docs/performance.md).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const QUALITY = 5;

/** Tags with a one-byte code in the table directory (WOFF 2.0, 5.1 "Known Table Tags"). */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];
interface Table {
  tag: string;
  data: Uint8Array;
}

/** The tables of a TrueType (sfnt) font, in the font's directory order. */
function readTables(sfnt: Uint8Array): { flavor: number; tables: Table[] } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...sfnt.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    tables.push({ tag, data: sfnt.subarray(offset, offset + length) });
  }
  return { flavor: view.getUint32(0), tables };
}

/** UIntBase128: 7 bits a byte, most significant first, the high bit set on all but the last. */
function base128(n: number): number[] {
  const bytes = [n & 0x7f];
  for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) bytes.unshift((n & 0x7f) | 0x80);
  return bytes;
}

/**
 * A table's directory entry: its tag and length, every table as it is (transform version 3,
 * the null transform, for glyf and loca; version 0 for the others).
 */
function directoryEntry(table: Table): number[] {
  const known = KNOWN_TAGS.indexOf(table.tag);
  const tag = known >= 0 ? [] : [...table.tag].map((c) => c.charCodeAt(0));
  const version = (table.tag === 'glyf' || table.tag === 'loca' ? 3 : 0) << 6;
  return [(known >= 0 ? known : 63) | version, ...tag, ...base128(table.data.length)];
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The WOFF2 file of a TrueType font. Deterministic: the same font gives the same bytes. */
export async function woff2(sfnt: Uint8Array): Promise<Uint8Array> {
  const { flavor, tables } = readTables(sfnt);
  const stream = new Uint8Array(tables.reduce((n, t) => n + t.data.length, 0));
  let at = 0;
  for (const t of tables) {
    stream.set(t.data, at);
    at += t.data.length;
  }
  const compressed = await brotli(stream, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_FONT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: stream.length,
    },
  });
  const directory = tables.flatMap(directoryEntry);
  const headerSize = 48;
  const length = pad4(headerSize + directory.length + compressed.length);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x774f4632); // 'wOF2'
  view.setUint32(4, flavor);
  view.setUint32(8, length);
  view.setUint16(12, tables.length);
  view.setUint32(16, 12 + 16 * tables.length + tables.reduce((n, t) => n + pad4(t.data.length), 0)); // totalSfntSize
  view.setUint32(20, compressed.length);
  view.setUint16(24, 1); // font version 1.0; metadata and private blocks: none (all zero)
  out.set(directory, headerSize);
  out.set(compressed, headerSize + directory.length);
  return out;
}
