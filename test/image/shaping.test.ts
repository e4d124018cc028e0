/**
 * The glyphs on the cards are HarfBuzz's: every word of every text block, in every language
 * and size, has the glyph ids that Debian's `hb-shape` gives for the same font, text and
 * direction. A word can hold several runs (“(PSL)” in Arabic is a right-to-left bracket, a
 * left-to-right name and another bracket); each run is compared on its own, in visual order.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONTS, type FontId } from '../../src/fonts.js';
import type { TextBlock } from '../../src/export/image/text.js';
import { hbLanguage } from '../../src/typeset/shape.js';
import type { PositionedGlyph } from '../../src/typeset/types.js';
import { haveTools } from '../support/tools.js';
import { LAYOUT_FORMATS, PUBLICATIONS, compose } from './support.js';

interface Run {
  where: string;
  font: FontId;
  rtl: boolean;
  text: string;
  glyphs: number[];
}

/** Each word's glyphs, split into runs of one font and direction, with the run's logical text. */
function runsOf(block: TextBlock, where: string): Run[] {
  const runs: Run[] = [];
  const starts = [...new Set(block.layout.lines.flatMap((l) => l.glyphs.map((g) => g.cluster)))].sort((a, b) => a - b);
  for (const word of block.text.matchAll(/[^\s\u00a0]+/g)) {
    const from = word.index;
    const to = from + word[0].length;
    for (const line of block.layout.lines) {
      const glyphs = line.glyphs.filter((g) => g.cluster >= from && g.cluster < to && !g.kashida);
      let group: PositionedGlyph[] = [];
      const flush = () => {
        if (!group.length) return;
        const lo = Math.min(...group.map((g) => g.cluster));
        const hi = Math.max(...group.map((g) => g.cluster));
        const end = Math.min(to, starts.find((s) => s > hi) ?? block.text.length);
        runs.push({ where: `${where} “${word[0]}”`, font: group[0]!.font, rtl: group[0]!.rtl, text: block.text.slice(lo, end), glyphs: group.map((g) => g.glyphId) });
        group = [];
      };
      for (const g of glyphs) {
        if (group.length && (group[0]!.font !== g.font || group[0]!.rtl !== g.rtl)) flush();
        group.push(g);
      }
      flush();
    }
  }
  return runs;
}

/** hb-shape every text of one font, direction and language in a single call (one text per line). */
function hbShapeLines(font: FontId, rtl: boolean, language: string, texts: string[]): number[][] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psl-hb-')), 'lines.txt');
  fs.writeFileSync(file, texts.join('\n') + '\n');
  const out = execFileSync('hb-shape', [
    '--output-format=json', '--no-glyph-names', '--no-positions', '--no-clusters',
    `--direction=${rtl ? 'rtl' : 'ltr'}`, `--language=${language}`, `--text-file=${file}`, FONTS[font].file,
  ], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true });
  return out.trim().split('\n').map((l) => (JSON.parse(l) as Array<{ g: number }>).map((g) => g.g));
}

const ok = haveTools('hb-shape');

describe.skipIf(!ok)('share image glyphs equal hb-shape’s', () => {
  const runs = new Map<string, Run[]>();

  beforeAll(async () => {
    for (const pub of PUBLICATIONS) {
      const all: Run[] = [];
      for (const format of LAYOUT_FORMATS) {
        const card = await compose(pub, format);
        for (const placed of card.blocks) all.push(...runsOf(placed.block, `${format.file} ${placed.block.role}`));
      }
      runs.set(pub.lang.tag, all);
    }
  }, 120_000);

  it.each(PUBLICATIONS.map((p) => [p.lang.tag, p] as const))('in %s, for every word of every size', (tag, pub) => {
    const all = runs.get(tag)!;
    expect(all.length).toBeGreaterThan(30);
    const groups = new Map<string, Run[]>();
    for (const run of all) {
      const key = `${run.font} ${run.rtl}`;
      groups.set(key, [...(groups.get(key) ?? []), run]);
    }
    let compared = 0;
    for (const group of groups.values()) {
      const texts = [...new Set(group.map((r) => r.text))];
      const shaped = new Map(hbShapeLines(group[0]!.font, group[0]!.rtl, hbLanguage(pub.lang), texts).map((g, i) => [texts[i]!, g]));
      for (const run of group) {
        expect(run.glyphs, `${tag} ${run.where} (${run.font}, ${run.rtl ? 'rtl' : 'ltr'} “${run.text}”)`).toEqual(shaped.get(run.text));
        compared++;
      }
    }
    expect(compared).toBe(all.length);
  }, 60_000);
});
