/**
 * Liang's hyphenation over the patterns of the `hyphen` package, kept as a flat trie in a few
 * typed arrays instead of the package's nested JavaScript objects.
 *
 * Why: the package's patterns are object literals (German alone is 746 KB of JavaScript).
 * Building their objects took most of the 69–77 ms that loading the four languages of the
 * PDFs cost each thread, even with their compiled code from V8's code cache. The flat trie is
 * written once beside the compiled code (hyphen-<name>.bin, see compiled.ts) and read back
 * as bytes. The markers are the package's own: hyphenMarkers follows its hyphenateWord step
 * by step (its quirks included), and a test compares the two over every word of the content
 * and thousands of made-up ones; except for the words the patterns list as exceptions (184
 * in Russian, 8 in English), which the package hyphenates in the wrong places (see exceptions).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** The package's form: levels per pattern, the trie (a node is an object of children, a number, or both as [children, number]), and exceptions. */
export type Definition = [number[][], TrieNode, Record<string, number[]> | undefined];
type TrieNode = { [char: string]: TrieNode | number | [TrieNode, number] };

export interface FlatPatterns {
  /** Node i's children are edges edgeStart[i] to edgeStart[i + 1], by character. */
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  edgeTarget: Uint32Array;
  /** The levels of the pattern ending at node i: levelData from levelStart[j] to levelStart[j + 1], j = nodeLevels[i]; −1 for none. */
  nodeLevels: Int32Array;
  levelStart: Uint32Array;
  levelData: Uint8Array;
  /**
   * Words hyphenated by hand: the lower-case word → its markers. The package keeps each as
   * the places of the hyphens in the hyphenated word ("uni-ver-sity": 3, 7) and then uses
   * them as places in the word itself ("uni-vers-ity"); here they are places in the word (3, 6).
   */
  exceptions: Map<string, number[]>;
}

/** Flatten the package's patterns; node 0 is the root. */
export function flatten([levels, trie, exceptions]: Definition): FlatPatterns {
  const edgeStart: number[] = [];
  const edgeChar: number[] = [];
  const edgeTarget: number[] = [];
  const nodeLevels: number[] = [];
  // Breadth first, so that each node's edges are consecutive.
  const queue: Array<{ children: TrieNode | undefined; level: number }> = [{ children: trie, level: -1 }];
  for (let i = 0; i < queue.length; i++) {
    const { children, level } = queue[i]!;
    nodeLevels.push(level);
    edgeStart.push(edgeChar.length);
    const chars = children ? Object.keys(children).sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0)) : [];
    for (const char of chars) {
      if (char.length !== 1) throw new Error(`hyphenation patterns: the trie key “${char}” is not one UTF-16 unit`);
      const node = children![char]!;
      edgeChar.push(char.charCodeAt(0));
      edgeTarget.push(queue.length);
      if (Array.isArray(node)) queue.push({ children: node[0], level: node[1] });
      else if (typeof node === 'number') queue.push({ children: undefined, level: node });
      else queue.push({ children: node, level: -1 });
    }
  }
  edgeStart.push(edgeChar.length);
  const levelStart = [0];
  for (const l of levels) levelStart.push(levelStart.at(-1)! + l.length);
  return {
    edgeStart: Uint32Array.from(edgeStart),
    edgeChar: Uint16Array.from(edgeChar),
    edgeTarget: Uint32Array.from(edgeTarget),
    nodeLevels: Int32Array.from(nodeLevels),
    levelStart: Uint32Array.from(levelStart),
    levelData: Uint8Array.from(levels.flat()),
    exceptions: new Map(Object.entries(exceptions ?? {}).map(([word, markers]) => [word, markers.map((m, k) => m - k)])),
  };
}

/** The child of `node` by character code, or −1. */
function child(p: FlatPatterns, node: number, code: number): number {
  for (let e = p.edgeStart[node]!, end = p.edgeStart[node + 1]!; e < end; e++) {
    const c = p.edgeChar[e]!;
    if (c === code) return p.edgeTarget[e]!;
    if (c > code) return -1;
  }
  return -1;
}

/**
 * Where the package's hyphenator puts a hyphen in `word` (letters only, five or more): the
 * offsets of the characters a hyphen goes before. As the package's hyphenateWord: the patterns
 * are matched against the lower-cased word between dots, from each start with three or more
 * characters left; the suffixes from the dot and from the first letter both count from 0; the
 * levels array may grow at the end, and its first two and last two places are cleared.
 */
export function hyphenMarkers(p: FlatPatterns, word: string): number[] {
  // The package lower-cases in the machine's locale, where a Turkish one may make "I" a dotless
  // ı and change the hyphens of English words. Lower-cased without a locale, the same text
  // gives the same PDFs on every machine, with the package's hyphens in the other locales.
  const lowered = word.toLowerCase();
  const exception = p.exceptions.get(lowered);
  if (exception) return exception;
  const dotted = `.${lowered}.`;
  const levels: number[] = new Array(word.length + 1).fill(0);
  for (let start = 0; dotted.length - start >= 3; start++) {
    const at = Math.max(0, start - 1);
    let node = 0;
    for (let k = start; k < dotted.length; k++) {
      node = child(p, node, dotted.charCodeAt(k));
      if (node < 0) break;
      const j = p.nodeLevels[node]!;
      if (j < 0) continue;
      // Past the end, as in the package, the place is undefined and becomes NaN (never a marker).
      for (let l = p.levelStart[j]!, i = at; l < p.levelStart[j + 1]!; l++, i++) levels[i] = Math.max(p.levelData[l]!, levels[i] as number);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) markers.push(i);
  return markers;
}

const MAGIC = 0x48595031; // "HYP1"

/** The flat trie as bytes: a header of counts, then the arrays, then the exceptions as JSON. */
export function serialize(p: FlatPatterns): Buffer {
  const exceptions = Buffer.from(JSON.stringify([...p.exceptions]));
  const header = Uint32Array.of(MAGIC, p.nodeLevels.length, p.edgeChar.length, p.levelStart.length - 1, p.levelData.length, exceptions.length);
  const parts = [header, p.edgeStart, p.nodeLevels, p.edgeTarget, p.levelStart, p.edgeChar, p.levelData].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const pad = (b: Buffer) => Buffer.alloc((4 - (b.length % 4)) % 4);
  return Buffer.concat([...parts.flatMap((b) => [b, pad(b)]), exceptions]);
}

/** serialize() backwards; undefined for bytes that are not such a trie. */
export function deserialize(bytes: Uint8Array): FlatPatterns | undefined {
  if (bytes.length < 24) return undefined;
  // A copy: typed arrays need their own aligned buffer.
  const buffer = Uint8Array.from(bytes).buffer;
  const [magic, nodes, edges, levels, data, exceptionBytes] = new Uint32Array(buffer, 0, 6);
  if (magic !== MAGIC) return undefined;
  let offset = 24;
  const take = <T>(make: (offset: number) => T, bytesLong: number): T => {
    const value = make(offset);
    offset += bytesLong + ((4 - (bytesLong % 4)) % 4);
    return value;
  };
  try {
    const edgeStart = take((o) => new Uint32Array(buffer, o, nodes! + 1), (nodes! + 1) * 4);
    const nodeLevels = take((o) => new Int32Array(buffer, o, nodes!), nodes! * 4);
    const edgeTarget = take((o) => new Uint32Array(buffer, o, edges!), edges! * 4);
    const levelStart = take((o) => new Uint32Array(buffer, o, levels! + 1), (levels! + 1) * 4);
    const edgeChar = take((o) => new Uint16Array(buffer, o, edges!), edges! * 2);
    const levelData = take((o) => new Uint8Array(buffer, o, data!), data!);
    const json = Buffer.from(buffer, offset, exceptionBytes!).toString('utf8');
    if (offset + exceptionBytes! !== bytes.length) return undefined;
    return { edgeStart, edgeChar, edgeTarget, nodeLevels, levelStart, levelData, exceptions: new Map(JSON.parse(json) as Array<[string, number[]]>) };
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, FlatPatterns>();

/** The patterns `name` of the hyphen package (e.g. 'de-1996'), flattened once per thread. */
export function loadPatterns(name: string): FlatPatterns {
  let p = loaded.get(name);
  if (!p) loaded.set(name, (p = flatten(createRequire(import.meta.url)(`hyphen/patterns/${name}.js`) as Definition)));
  return p;
}
