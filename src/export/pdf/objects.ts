/**
 * The part of pdf-lib these PDFs use, from its public API: its object model (names, numbers,
 * strings, dictionaries, streams, references) and the context that numbers the objects.
 * file.ts writes the file itself (see there why), so PDFDocument is never used.
 */
export { PDFContext, PDFHexString, PDFName, PDFNumber, PDFStream, PDFString } from 'pdf-lib';
export type { PDFArray, PDFDict, PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
