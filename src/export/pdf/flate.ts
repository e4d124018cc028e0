/**
 * Compressed streams with node's own zlib instead of pdf-lib's `flateStream`, which deflates
 * with pako in JavaScript: several times slower for the same compression (it was most of the
 * time spent writing a PDF). Same level as pako's default; deflate is deterministic, so the
 * same contents always give the same bytes.
 */
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRawStream } from './objects.js';

type Dict = Parameters<PDFContext['obj']>[0] & Record<string, unknown>;

export function flateStream(context: PDFContext, contents: string | Uint8Array, dict: Dict = {}): PDFRawStream {
  // Content streams and CMaps are ASCII: one byte per character, as pdf-lib writes strings.
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  return context.stream(deflateSync(bytes, { level: 6 }), { ...dict, Filter: 'FlateDecode' });
}
