/**
 * WOFF2 files from TrueType fonts (W3C WOFF 2.0): the glyf table transformed (see
 * glyf-transform.ts), hmtx too where its bearings are the glyph boxes (hmtx-transform.ts), the
 * other tables as they are, all Brotli-compressed by Node's own zlib, behind the WOFF2 header
 * and table directory.
 *
 * Why not wawoff2 (Google's encoder compiled to WebAssembly): it took 1.2 s of CPU per cold
 * build for the 34 font files, on the thread that typesets. Here Brotli runs on libuv's threads.
 *
 * Brotli quality 5, not 10 or 11: on the 34 files of a build (308 KB before compression),
 * quality 5 took 20–25 ms of CPU; quality 10 took 300–450 ms for files 5 % smaller, 11 twice
 * that for 0.3 % less again; 6 to 8 gave the size of 5 for more time, 4 was 2.5 % larger.
 * That CPU was 8 % of a cold build's, on 2 cores that the build's two threads keep busy.
 * The build's fonts come to 192.7 KB, against 183.6 KB at quality 10 (185.8 KB at quality 10
 * before the hmtx transform): a reader's first page loads 0.5–1.1 KB more (17.2 KB of fonts
 * for the English page, 26.4 KB for the Arabic one).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { transformGlyf } from './glyf-transform.js';
import { transformHmtx } from './hmtx-transform.js';

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
  /**
   * glyf and loca, transformed: the glyf streams, and nothing for loca (the decoder rebuilds
   * it); hmtx, when transformed: the advance widths.
   */
  transformed?: Uint8Array;
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
 * A table's directory entry. Transform version 0 means "transformed" for glyf and loca and
 * "as is" for every other table (glyf and loca as they are would be version 3, and hmtx
 * transformed is version 1); a transformed table also gives its transformed length.
 */
function directoryEntry(table: Table): number[] {
  const known = KNOWN_TAGS.indexOf(table.tag);
  const tag = known >= 0 ? [] : [...table.tag].map((c) => c.charCodeAt(0));
  const glyfOrLoca = table.tag === 'glyf' || table.tag === 'loca';
  const version = (table.transformed ? (glyfOrLoca ? 0 : 1) : glyfOrLoca ? 3 : 0) << 6;
  const lengths = [...base128(table.data.length), ...(table.transformed ? base128(table.transformed.length) : [])];
  return [(known >= 0 ? known : 63) | version, ...tag, ...lengths];
}

/**
 * glyf and loca transformed (loca right after glyf, as decoders expect), hmtx too where it
 * can be (it needs the transformed glyf), the rest as they are.
 */
function withTransforms(tables: Table[]): Table[] {
  const find = (tag: string) => tables.find((t) => t.tag === tag);
  const glyf = find('glyf');
  const loca = find('loca');
  const head = find('head');
  const maxp = find('maxp');
  if (!glyf || !loca || !head || !maxp) return tables;
  const numGlyphs = (maxp.data[4]! << 8) | maxp.data[5]!;
  const indexFormat = (head.data[50]! << 8) | head.data[51]!;
  const transformed = transformGlyf({ glyf: glyf.data, loca: loca.data, indexFormat, numGlyphs });
  const hhea = find('hhea');
  const hmtx = find('hmtx');
  if (hhea && hmtx && hhea.data.length >= 36) {
    const numberOfHMetrics = (hhea.data[34]! << 8) | hhea.data[35]!;
    hmtx.transformed = transformHmtx({ glyf: glyf.data, loca: loca.data, indexFormat, numGlyphs, hmtx: hmtx.data, numberOfHMetrics });
  }
  const rest = tables.filter((t) => t !== glyf && t !== loca);
  const at = rest.findIndex((t) => t.tag > 'glyf');
  const pair = [{ ...glyf, transformed }, { ...loca, transformed: new Uint8Array(0) }];
  return at < 0 ? [...rest, ...pair] : [...rest.slice(0, at), ...pair, ...rest.slice(at)];
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The WOFF2 file of a TrueType font. Deterministic: the same font gives the same bytes. */
export async function woff2(sfnt: Uint8Array): Promise<Uint8Array> {
  const read = readTables(sfnt);
  const flavor = read.flavor;
  const tables = withTransforms(read.tables);
  const bytesOf = (t: Table) => t.transformed ?? t.data;
  const stream = new Uint8Array(tables.reduce((n, t) => n + bytesOf(t).length, 0));
  let at = 0;
  for (const t of tables) {
    stream.set(bytesOf(t), at);
    at += bytesOf(t).length;
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
