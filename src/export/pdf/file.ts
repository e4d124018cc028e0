/**
 * The PDF file from pdf-lib's objects (PDF 1.7, ISO 32000-1 §7.5): every object that is not a
 * stream packed into compressed object streams of up to 50 (§7.5.7), then a compressed
 * cross-reference stream (§7.5.8) and the trailer. The same layout pdf-lib's PDFStreamWriter
 * gives, but compressed with Node's zlib: pdf-lib deflates in JavaScript (pako), which was a
 * fifth of the time of a PDF before V8 warms up.
 */
import { deflateSync } from 'node:zlib';
import { PDFStream, type PDFContext, type PDFObject, type PDFRef } from './objects.js';

const OBJECTS_PER_STREAM = 50;
// %PDF-1.7, then a comment of bytes above 127 so that transfer programs treat the file as binary.
const HEADER = Buffer.from('%PDF-1.7\n%\x81\x81\x81\x81\n\n', 'latin1');

/** A cross-reference entry: 0 free, 1 at a byte offset, 2 inside an object stream. */
type Entry = [type: 0 | 1 | 2, field2: number, field3: number];

export function pdfFile(context: PDFContext): Uint8Array {
  const parts: Uint8Array[] = [HEADER];
  let offset = HEADER.length;
  const entries = new Map<number, Entry>([[0, [0, 0, 65535]]]);
  const write = (number: number, generation: number, object: PDFObject) => {
    entries.set(number, [1, offset, generation]);
    for (const part of [latin1(`${number} ${generation} obj\n`), bytesOf(object), latin1('\nendobj\n\n')]) {
      parts.push(part);
      offset += part.length;
    }
  };

  // Streams stand alone; everything else goes into object streams, numbered after the last object.
  let nextNumber = context.largestObjectNumber + 1;
  const packs: { number: number; objects: [PDFRef, PDFObject][] }[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFStream || ref.generationNumber !== 0) {
      write(ref.objectNumber, ref.generationNumber, object);
      continue;
    }
    let pack = packs.at(-1);
    if (!pack || pack.objects.length === OBJECTS_PER_STREAM) packs.push((pack = { number: nextNumber++, objects: [] }));
    entries.set(ref.objectNumber, [2, pack.number, pack.objects.length]);
    pack.objects.push([ref, object]);
  }
  for (const pack of packs) write(pack.number, 0, objectStream(context, pack.objects));

  const xrefNumber = nextNumber++;
  const xrefOffset = offset;
  entries.set(xrefNumber, [1, xrefOffset, 0]);
  write(xrefNumber, 0, xrefStream(context, entries, nextNumber));
  parts.push(latin1(`startxref\n${xrefOffset}\n%%EOF`));
  // A plain Uint8Array, not a Buffer: some readers (pdf.js) refuse Node's Buffer.
  const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

/** §7.5.7: pairs of object number and offset, then the objects, each followed by a newline. */
function objectStream(context: PDFContext, objects: [PDFRef, PDFObject][]): PDFObject {
  let index = '';
  let at = 0;
  const bodies: Uint8Array[] = [];
  for (const [ref, object] of objects) {
    const bytes = bytesOf(object);
    index += `${ref.objectNumber} ${at} `;
    bodies.push(bytes, NEWLINE);
    at += bytes.length + 1;
  }
  const contents = deflateSync(Buffer.concat([latin1(index), ...bodies]), { level: 6 });
  return context.stream(contents, { Type: 'ObjStm', N: objects.length, First: index.length, Filter: 'FlateDecode' });
}

/**
 * §7.5.8: one row per object, each field in as few bytes as its largest value needs, the
 * numbers in use listed as runs in Index.
 */
function xrefStream(context: PDFContext, entries: Map<number, Entry>, size: number): PDFObject {
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  const widths = [0, 1, 2].map((field) => Math.max(1, ...numbers.map((n) => byteWidth(entries.get(n)![field]!))));
  const index: number[] = [];
  for (const n of numbers) {
    if (index.length > 0 && index[index.length - 2]! + index[index.length - 1]! === n) index[index.length - 1]!++;
    else index.push(n, 1);
  }
  const rows = Buffer.alloc(numbers.length * (widths[0]! + widths[1]! + widths[2]!));
  let at = 0;
  for (const n of numbers) {
    entries.get(n)!.forEach((value, field) => {
      rows.writeUIntBE(value, at, widths[field]!);
      at += widths[field]!;
    });
  }
  const { Root, Info, ID } = context.trailerInfo;
  return context.stream(deflateSync(rows, { level: 6 }), { Type: 'XRef', Size: size, Root, Info, ID, W: widths, Index: index, Filter: 'FlateDecode' });
}

function byteWidth(value: number): number {
  let width = 0;
  for (let v = value; v > 0; v = Math.floor(v / 256)) width++;
  return width;
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

const NEWLINE = Buffer.from('\n');

function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
