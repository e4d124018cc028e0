/**
 * pdf-lib's object model (names, numbers, strings, dictionaries, streams, references and the
 * context that numbers them), loaded without its document layer: PDFDocument brings forms,
 * image and font embedders, a PDF parser and its writer, which these PDFs never use. The PDF
 * code a build worker loads went from 1.2 MB to 0.5 MB, and pdf-lib's own part from about
 * 120 ms to 50 ms before V8 warms up. file.ts writes the file itself.
 *
 * The modules are pdf-lib's CommonJS ones; Node and esbuild both import such a module as its
 * `module.exports`, so the class is that object's `default`.
 */
import * as contextModule from 'pdf-lib/cjs/core/PDFContext.js';
import * as nameModule from 'pdf-lib/cjs/core/objects/PDFName.js';
import * as numberModule from 'pdf-lib/cjs/core/objects/PDFNumber.js';
import * as stringModule from 'pdf-lib/cjs/core/objects/PDFString.js';
import * as hexModule from 'pdf-lib/cjs/core/objects/PDFHexString.js';
import * as streamModule from 'pdf-lib/cjs/core/objects/PDFStream.js';

import type { PDFContext as Context, PDFName as Name, PDFStream as Stream } from 'pdf-lib';

export type { PDFArray, PDFDict, PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
export type PDFContext = Context;
export type PDFName = Name;
export type PDFStream = Stream;

/** The class a pdf-lib CommonJS module exports as `default`, however the module was imported. */
function cjsDefault<T>(ns: { default: { default: T } }): T {
  const exported = ns.default as unknown as { default?: T };
  return (exported.default ?? exported) as T;
}

export const PDFContext = cjsDefault(contextModule);
export const PDFName = cjsDefault(nameModule);
export const PDFNumber = cjsDefault(numberModule);
export const PDFString = cjsDefault(stringModule);
export const PDFHexString = cjsDefault(hexModule);
export const PDFStream = cjsDefault(streamModule);
