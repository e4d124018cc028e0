import { describe, expect, it } from 'vitest';
import { fontMetrics, glyphPath, layoutParagraph, type ParagraphInput, type PositionedGlyph } from '../../src/typeset/index.js';
import { findLanguage } from '../../src/languages.js';

const lang = (tag: string) => findLanguage(tag)!;

function para(tag: string, text: string, over: Partial<ParagraphInput> = {}): ParagraphInput {
  return { runs: [{ text, style: 'regular' }], lang: lang(tag), size: 10, width: 150, lineHeight: 1.4, align: 'start', ...over };
}

/** The source text of a line from its glyphs, in logical order. */
function logicalText(glyphs: PositionedGlyph[]): string {
  return [...glyphs].filter((g) => g.text).sort((a, b) => a.cluster - b.cluster).map((g) => g.text).join('');
}

const GERMAN = 'Die neue Regierungskoalition in Deutschland hat die Erteilung humanitärer Visa faktisch eingestellt.';

describe('layoutParagraph', () => {
  it('breaks Latin text into lines that fit, keeping every character', async () => {
    const l = await layoutParagraph(para('de', GERMAN));
    expect(l.lines.length).toBeGreaterThan(2);
    for (const line of l.lines) {
      expect(line.width).toBeLessThanOrEqual(150 + 1e-9);
      expect(logicalText(line.glyphs)).toBe(line.text);
      // Left aligned, glyphs left to right.
      expect(line.glyphs[0]!.x).toBeCloseTo(0, 6);
    }
    expect(l.lines.map((x) => x.text).join(' ')).toBe(GERMAN);
    expect(l.height).toBeCloseTo(l.lines.length * 14, 6);
    expect(l.lines[1]!.baseline - l.lines[0]!.baseline).toBeCloseTo(14, 6);
  });

  it('right-aligns right-to-left paragraphs and puts the first word on the right', async () => {
    const l = await layoutParagraph(para('fa', 'بند ۲۲ (۲) قانون اقامت'));
    expect(l.direction).toBe('rtl');
    const line = l.lines[0]!;
    const last = line.glyphs.at(-1)!;
    expect(last.x + last.advance).toBeCloseTo(150, 6);
    expect(last.text).toBe('ب');
    expect(line.glyphs.every((g) => g.font === 'vazirmatn-regular')).toBe(true);
  });

  // Noto Naskh Arabic (the Google Fonts build in the npm package) has Latin but no Cyrillic.
  it('falls back to the next font of the chain for letters the first font lacks', async () => {
    const l = await layoutParagraph(para('ar', 'المادة 22 من Беларусь'));
    const fonts = new Set(l.lines.flatMap((x) => x.glyphs.filter((g) => /[А-я]/.test(g.text)).map((g) => g.font)));
    expect([...fonts]).toEqual(['pt-serif-regular']);
    expect(l.lines.flatMap((x) => x.glyphs).some((g) => g.glyphId === 0)).toBe(false);
  });

  it('forces a line at a hard break and does not justify the line before it', async () => {
    const l = await layoutParagraph(para('en', 'First line\nSecond line that is long enough to wrap around the measure once', { align: 'justify' }));
    expect(l.lines[0]!.text).toBe('First line');
    expect(l.lines[0]!.width).toBeLessThan(100);
    expect(l.lines[1]!.width).toBeCloseTo(150, 2);
  });

  it('marks the inserted hyphen', async () => {
    const l = await layoutParagraph(para('de', GERMAN, { align: 'justify', width: 120 }));
    const hyphenated = l.lines.filter((x) => x.hyphenated);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const line of hyphenated) {
      const h = line.glyphs.at(-1)!;
      expect(h.hyphen).toBe(true);
      expect(h.text).toBe('');
    }
  });

  it('keeps links and styles by run index', async () => {
    const l = await layoutParagraph({
      ...para('en', ''),
      runs: [{ text: 'See ', style: 'regular' }, { text: 'the law', style: 'bold', href: 'https://example.org' }, { text: '.', style: 'italic' }],
    });
    const g = l.lines[0]!.glyphs;
    expect(g.filter((x) => x.run === 1).map((x) => x.text).join('')).toBe('the law');
    expect(g.find((x) => x.run === 1)!.font).toBe('pt-serif-bold');
    expect(g.find((x) => x.run === 2)!.font).toBe('pt-serif-italic');
  });

  it('gives outlines and metrics in font units', async () => {
    const m = await fontMetrics('vazirmatn-regular');
    expect(m.upem).toBe(2048);
    expect(m.ascender).toBeGreaterThan(0);
    expect(m.descender).toBeLessThan(0);
    const l = await layoutParagraph(para('en', 'A'));
    expect(await glyphPath('pt-serif-regular', l.lines[0]!.glyphs[0]!.glyphId)).toMatch(/^M/);
  });
});
