/**
 * Text engine benchmark: shape and break the whole first statement (title and every
 * paragraph) in all seven languages, warm: fonts and the wasm module loaded by a first pass.
 * Body text at 10.5 pt justified (Knuth–Plass, hyphenation) on an A4 measure with 25 mm
 * margins; the title at 18 pt, start-aligned.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhrasingContent, RootContent } from 'mdast';
import { loadRepository, type Document } from '../../src/content/index.js';
import { layoutParagraph, type ParagraphInput, type TextRun } from '../../src/typeset/index.js';
import type { FontStyle } from '../../src/fonts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SLUG = 'humanitarian-visas';
const MEASURE = 595.28 - 2 * 70.87;
const RUNS_PER_SAMPLE = 9;

/** Runs of a paragraph's inline content; a Markdown break is "\n" inside a run. */
function runs(nodes: PhrasingContent[], style: FontStyle = 'regular', href?: string, out: TextRun[] = []): TextRun[] {
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ text: n.value.replace(/\n/g, ' '), style, ...(href ? { href } : {}) }); break;
      case 'inlineCode': out.push({ text: n.value, style }); break;
      case 'break': out.push({ text: '\n', style }); break;
      case 'strong': runs(n.children, style === 'italic' ? 'boldItalic' : 'bold', href, out); break;
      case 'emphasis': runs(n.children, style === 'bold' ? 'boldItalic' : 'italic', href, out); break;
      case 'link': runs(n.children, style, n.url, out); break;
      default: if ('children' in n) runs(n.children as PhrasingContent[], style, href, out);
    }
  }
  return out;
}

function blocks(nodes: RootContent[], out: TextRun[][] = []): TextRun[][] {
  for (const n of nodes) {
    if (n.type === 'paragraph' || n.type === 'heading') out.push(runs(n.children));
    else if ('children' in n) blocks(n.children as RootContent[], out);
  }
  return out;
}

export function statementParagraphs(doc: Document): ParagraphInput[] {
  const lang = doc.lang;
  const out: ParagraphInput[] = [];
  const title = typeof doc.data.title === 'string' ? doc.data.title : '';
  if (title) out.push({ runs: [{ text: title, style: 'bold' }], lang, size: 18, width: MEASURE, lineHeight: 1.25, align: 'start' });
  for (const r of blocks(doc.tree.children)) {
    if (r.length) out.push({ runs: r, lang, size: 10.5, width: MEASURE, lineHeight: 1.45, align: 'justify' });
  }
  return out;
}

async function layoutAll(paragraphs: ParagraphInput[]): Promise<number> {
  let lines = 0;
  for (const p of paragraphs) lines += (await layoutParagraph(p)).lines.length;
  return lines;
}

export default async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const repo = loadRepository(ROOT);
  const docs = [...repo.statements, ...repo.translations].filter((d) => d.slug === SLUG);
  const paragraphs = docs.flatMap(statementParagraphs);
  await layoutAll(paragraphs); // warm: fonts, wasm, hyphenation patterns, JIT
  await layoutAll(paragraphs);
  const times: number[] = [];
  const cpu: number[] = [];
  let lines = 0;
  for (let i = 0; i < RUNS_PER_SAMPLE; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    lines = await layoutAll(paragraphs);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = (xs: number[]) => Number(xs[Math.floor(xs.length / 2)]!.toFixed(2));
  const chars = paragraphs.reduce((s, p) => s + p.runs.reduce((a, r) => a + r.text.length, 0), 0);
  return [
    { name: `typeset: first statement, ${docs.length} languages, ${paragraphs.length} paragraphs, ${chars} characters, ${lines} lines (wall time, median of ${RUNS_PER_SAMPLE}, warm)`, value: median(times), unit: 'ms', target: '< 100 ms' },
    // CPU time of this process (garbage collection included, other processes on the machine not).
    { name: 'typeset: the same, CPU time', value: median(cpu), unit: 'ms', target: '< 100 ms' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await bench(), null, 1));
}
