/**
 * The PDF file writer (src/export/pdf/file.ts), read back by parsers nobody here wrote:
 * pdf-lib's own and qpdf's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { PDFContext, PDFString } from '../../src/export/pdf/objects.js';
import { pdfFile } from '../../src/export/pdf/file.js';
import { haveTools } from '../support/tools.js';
import { tempDir } from '../support/temp.js';


/** A document of 120 small objects (three object streams) and two streams. */
function sample(): Uint8Array {
  const context = PDFContext.create();
  const pages = context.nextRef();
  const content = context.register(context.stream('0 0 m 10 10 l S', {}));
  const page = context.register(context.obj({ Type: 'Page', Parent: pages, MediaBox: [0, 0, 200, 100], Contents: content }));
  context.assign(pages, context.obj({ Type: 'Pages', Kids: [page], Count: 1 }));
  const items = Array.from({ length: 120 }, (_, i) => context.register(context.obj({ Index: i, Label: PDFString.of(`item ${i}`) })));
  context.register(context.stream(new Uint8Array(300).fill(7), { Kind: 'Binary' }));
  context.trailerInfo.Root = context.register(context.obj({ Type: 'Catalog', Pages: pages, Items: items }));
  return pdfFile(context);
}

describe('PDF file writer', () => {
  it('is read back by pdf-lib: every object, in object streams and in plain streams', async () => {
    const bytes = sample();
    expect(Buffer.from(bytes.subarray(0, 9)).toString('latin1')).toBe('%PDF-1.7\n');
    expect(Buffer.from(bytes.subarray(-5)).toString('latin1')).toBe('%%EOF');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const items = doc.catalog.lookup(PDFName.of('Items')) as unknown as { size(): number; lookup(i: number): { get(n: PDFName): unknown } };
    expect(items.size()).toBe(120);
    for (const i of [0, 49, 50, 119]) {
      const item = items.lookup(i);
      expect((item.get(PDFName.of('Index')) as PDFNumber).asNumber()).toBe(i);
      expect(String(item.get(PDFName.of('Label')))).toBe(`(item ${i})`);
    }
    const streams = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream) as [unknown, PDFRawStream][];
    const binary = streams.find(([, s]) => s.dict.get(PDFName.of('Kind')));
    expect([...binary![1].getContents()]).toEqual(new Array(300).fill(7));
  });

  it('compresses the object streams and the cross-reference stream, and qpdf finds nothing wrong', () => {
    const bytes = Buffer.from(sample());
    const text = bytes.toString('latin1');
    // page, pages, 120 items and the catalog: 123 objects in streams of at most 50
    const counts = [...text.matchAll(/\/Type \/ObjStm\n\/N (\d+)/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([50, 50, 23]);
    const startxref = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)![1]);
    expect(text.slice(startxref)).toMatch(/^\d+ 0 obj\n<<[^]*\/Type \/XRef/);
    const xref = /stream\n([^]*?)\nendstream/.exec(text.slice(startxref))![1]!;
    const rows = inflateSync(Buffer.from(xref, 'latin1'));
    const widths = /\/W \[ (\d+) (\d+) (\d+) \]/.exec(text.slice(startxref))!.slice(1).map(Number);
    expect(rows.length % (widths[0]! + widths[1]! + widths[2]!)).toBe(0);
    if (!haveTools('qpdf')) return;
    const file = path.join(tempDir('psl-pdf-'), 'sample.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });
});
