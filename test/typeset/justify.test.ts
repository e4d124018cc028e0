/**
 * Justification over the first statement in every language: justified lines end flush at the
 * measure, Arabic-script lines stretch with kashida (then spaces) and never with letter-spacing,
 * last lines and lines before a hard break keep their natural width.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/content/index.js';
import { statementParagraphs } from '../../bench/sections/typeset.js';
import { layoutParagraph, type Line, type ParagraphInput } from '../../src/typeset/index.js';
import { loadFont } from '../../src/typeset/harfbuzz.js';
import { findLanguage } from '../../src/languages.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const repo = loadRepository(ROOT);
const docs = [...repo.statements, ...repo.translations].filter((d) => d.slug === 'humanitarian-visas');

const isSpace = (t: string) => t === ' ' || t === '\u00a0';
const advanceSum = (line: Line) => line.glyphs.reduce((s, g) => s + g.advance, 0);

/** The right edge of the pen: the left edge plus every advance. */
function penStart(line: Line): number {
  // The first glyph in visual order with no x offset of its own tells where the pen started;
  // marks carry offsets, base glyphs do not in these fonts' first positions.
  let pen = 0;
  for (const g of line.glyphs) {
    if (g.advance > 0 && g.y === 0) return g.x - pen;
    pen += g.advance;
  }
  return line.glyphs[0]?.x ?? 0;
}

describe('justification', () => {
  it('has the statement in seven languages to work on', () => {
    expect(docs.map((d) => d.lang.tag).sort()).toEqual(['ar', 'be', 'de', 'en', 'fa', 'fa-AF', 'ru']);
  });

  for (const doc of docs) {
    it(`${doc.lang.tag}: justified lines are flush, last lines are not`, async () => {
      const paragraphs = statementParagraphs(doc).filter((p) => p.align === 'justify');
      expect(paragraphs.length).toBeGreaterThan(5);
      const arabic = doc.lang.script === 'Arab';
      const tatweel = arabic ? await tatweelWidth(paragraphs[0]!) : 0;
      let kashidaLines = 0;
      for (const input of paragraphs) {
        const layout = await layoutParagraph(input);
        const full = input.runs.map((r) => r.text).join('');
        let cursor = 0;
        layout.lines.forEach((line, i) => {
          const at = full.indexOf(line.text, cursor);
          cursor = at + line.text.length;
          // A line before a Markdown hard break ("\n") ends like a last line.
          const last = i === layout.lines.length - 1 || /^[ \t]*\n/.test(full.slice(cursor));
          const sum = advanceSum(line);
          expect(line.width).toBeCloseTo(sum, 6);
          if (last) {
            expect(line.width).toBeLessThanOrEqual(input.width + 1e-9);
            // Aligned to the start side, not stretched.
            const start = penStart(line);
            if (doc.lang.dir === 'rtl') expect(start + sum).toBeCloseTo(input.width, 2);
            else expect(start).toBeCloseTo(0, 6);
            expect(line.glyphs.some((g) => g.kashida)).toBe(false);
            return;
          }
          expect(Math.abs(sum - input.width)).toBeLessThan(0.01);
          expect(Math.abs(penStart(line))).toBeLessThan(0.01);
          if (arabic) {
            const kashida = line.glyphs.filter((g) => g.kashida);
            expect(kashida.every((g) => g.text === '')).toBe(true);
            if (kashida.length) kashidaLines++;
            // Within the language's limit per line (kashida.test.ts checks the rest of the policy).
            expect(kashida.length, line.text).toBeLessThanOrEqual(doc.lang.kashida!.maxPerLine * doc.lang.kashida!.maxPerWord);
            // Natural width: every glyph as shaped, spaces at their shaped width, no tatweel. A
            // line whose spaces would grow by less than the language lets them before any
            // kashida has none.
            const natural = naturalWidth(line);
            const spaces = line.glyphs.filter((g) => isSpace(g.text)).reduce((s, g) => s + spaceAdvance.get(g.font)! * g.size, 0);
            if (input.width - natural < spaces * doc.lang.kashida!.spaceFirst - 1e-6) expect(kashida.length, line.text).toBe(0);
          }
        });
        if (arabic) await expectNoLetterSpacing(input, layout.lines);
      }
      // Persian stretches sparingly (no word of three letters or fewer), Arabic more.
      if (arabic) expect(kashidaLines).toBeGreaterThan(doc.lang.tag === 'ar' ? 5 : 0);
    });
  }

  it('does not justify the line before a hard break', async () => {
    const text = 'Wir fordern gleiche Rechte und gleichen Schutz für alle, die vor Diktaturen und Kriegen fliehen.\nDie Linke';
    const l = await layoutParagraph({ runs: [{ text, style: 'regular' }], lang: findLanguage('de')!, size: 10.5, width: 200, lineHeight: 1.4, align: 'justify' });
    const before = l.lines.findIndex((x) => x.text.endsWith('fliehen.'));
    expect(before).toBeGreaterThan(0);
    expect(l.lines[before]!.width).toBeLessThan(199);
    expect(Math.abs(l.lines[before - 1]!.width - 200)).toBeLessThan(0.01);
  });
});

/** Shaped widths without justification: spaces and letters as HarfBuzz set them. */
function naturalWidth(line: Line): number {
  return line.glyphs.filter((g) => !g.kashida).reduce((s, g) => s + (isSpace(g.text) ? spaceAdvance.get(g.font)! * g.size : g.advance), 0);
}
const spaceAdvance = new Map<string, number>();

async function tatweelWidth(input: ParagraphInput): Promise<number> {
  let w = Infinity;
  for (const id of new Set(Object.values(input.lang.fonts).flat())) {
    const f = await loadFont(id);
    const space = f.font.nominalGlyph(0x20);
    if (space !== undefined) spaceAdvance.set(id, f.font.glyphHAdvance(space) / f.upem);
    const gid = f.font.nominalGlyph(0x640);
    if (gid) w = Math.min(w, (f.font.glyphHAdvance(gid) * input.size) / f.upem);
  }
  return w;
}

/**
 * Every justified line, set again on its own without justification, has the same glyphs with
 * the same advances, apart from inserted tatweels and stretched spaces.
 */
async function expectNoLetterSpacing(input: ParagraphInput, lines: Line[]): Promise<void> {
  for (const line of lines) {
    if (line.hyphenated) continue;
    const alone = await layoutParagraph({ ...input, runs: [{ text: line.text, style: 'regular' }], align: 'start', width: 1e5 });
    const a = line.glyphs.filter((g) => !g.kashida && !isSpace(g.text));
    const b = alone.lines[0]!.glyphs.filter((g) => !isSpace(g.text));
    expect(a.map((g) => g.glyphId)).toEqual(b.map((g) => g.glyphId));
    a.forEach((g, i) => expect(g.advance, `${line.text} #${i}`).toBeCloseTo(b[i]!.advance, 9));
  }
}
