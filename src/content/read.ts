/**
 * Reading an input file as text. Translations are untrusted: every way a file can be
 * unreadable becomes a positioned message on the returned VFile, never an exception.
 */
import fs from 'node:fs';
import { VFile } from 'vfile';

/** Larger than any statement will ever be; a 10 MB file is a mistake, not a statement. */
export const MAX_INPUT_BYTES = 1_000_000;

export interface ReadResult {
  file: VFile;
  /** The text, NFC-normalised, with LF line endings and no BOM; undefined when unreadable. */
  text?: string;
}

/** Read `absPath`, reporting it under `relPath` (repo-relative, forward slashes). */
export function readText(absPath: string, relPath: string): ReadResult {
  const file = new VFile({ path: relPath });
  let bytes: Buffer;
  try {
    const size = fs.statSync(absPath).size;
    if (size > MAX_INPUT_BYTES) {
      fail(file, `This file is ${(size / 1e6).toFixed(1)} MB, far larger than a statement can be (the limit is 1 MB).`,
        'content-too-large', 'Check that you committed the right file; a statement is a few kilobytes of text.');
      return { file };
    }
    bytes = fs.readFileSync(absPath);
  } catch (error) {
    fail(file, `This file could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'content-unreadable');
    return { file };
  }
  return decode(bytes, file);
}

/** Decode bytes that claim to be UTF-8 text; exported for tests and in-memory input. */
export function decode(bytes: Uint8Array, file: VFile): ReadResult {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    const message = file.message(
      `This file is not valid UTF-8 text: byte ${bad + 1} (0x${bytes[bad].toString(16).padStart(2, '0')}) is not part of any character.`,
      { place: { line: lines.length, column: lines[lines.length - 1].length + 1 }, ruleId: 'content-invalid-utf8', source: 'content' },
    );
    message.fatal = true;
    message.note = 'Save the file as UTF-8 in your editor (File → Save with encoding → UTF-8) and commit it again.';
    return { file };
  }
  // ignoreBOM keeps a BOM in the text, so that we can see and remember it.
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  file.data.hadBom = text.startsWith('\uFEFF');
  if (file.data.hadBom) text = text.slice(1);
  file.data.hadCrlf = text.includes('\r');
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  file.value = text;
  return { file, text };
}

function fail(file: VFile, reason: string, ruleId: string, fix?: string): void {
  const message = file.message(reason, { place: { line: 1, column: 1 }, ruleId, source: 'content' });
  message.fatal = true;
  if (fix) message.note = fix;
}

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
