/**
 * One page's content stream, written as PDF operators from a frame. Glyphs go out with TJ:
 * each glyph is placed at its shaped position by the TJ adjustment before it (so kerning,
 * mark offsets and justification all land in the numbers; Tw does nothing for two-byte
 * codes), and y offsets use text rise (Ts). Every piece of content is wrapped in marked
 * content: an MCID pointing into the structure tree, or an Artifact.
 */
import type { Box, Colour, GlyphLine, Tag } from '../../layout/frame.js';
import type { FontId } from '../../fonts.js';
import type { EmbeddedFont } from './font.js';
import { planLine } from './extraction.js';

export interface MarkedContent {
  mcid: number;
  node: number;
}

export class PageContent {
  private readonly ops: string[] = [];
  /** MCIDs on this page, in order, with the structure node each belongs to. */
  readonly marked: MarkedContent[] = [];
  readonly fontsUsed = new Set<EmbeddedFont>();
  private openTag: Tag | undefined;

  constructor(
    private readonly pageHeight: number,
    private readonly fontFor: (id: FontId) => EmbeddedFont,
    private readonly roleOf: (node: number) => string,
  ) {}

  box(box: Box): void {
    this.mark(box.tag);
    const y = this.pageHeight - box.y - box.height;
    this.ops.push(`${colour(box.colour)} rg ${num(box.x)} ${num(y)} ${num(box.width)} ${num(box.height)} re f`);
  }

  line(line: GlyphLine): void {
    const baseline = this.pageHeight - line.baseline;
    const plan = planLine(line, (id) => this.fontFor(id).blank());
    for (const segment of plan.segments) {
      this.mark(segment.tag);
      const font = this.fontFor(segment.font);
      this.fontsUsed.add(font);
      const scale = 1000 / segment.size;
      const first = segment.pieces[0];
      let pen = line.x + first.x;
      let rise = 0;
      let array: string[] = [];
      const out = [`BT ${colour(segment.colour ?? line.colour)} rg /${font.resource} ${num(segment.size)} Tf 1 0 0 1 ${num(pen)} ${num(baseline)} Tm`];
      for (const piece of segment.pieces) {
        if (piece.y !== rise) {
          if (array.length) out.push(`[${array.join(' ')}] TJ`);
          array = [];
          rise = piece.y;
          out.push(`${num(rise)} Ts`);
        }
        // Move the pen to the glyph's position; TJ numbers are subtracted, in 1/1000 em.
        const shift = Math.round((line.x + piece.x - pen) * scale * 10) / 10;
        if (shift !== 0) {
          array.push(num(-shift));
          pen += shift / scale;
        }
        const code = font.code(piece.glyphId, piece.text, piece.width);
        array.push(`<${code.toString(16).padStart(4, '0')}>`);
        pen += font.width(code) / scale;
      }
      if (array.length) out.push(`[${array.join(' ')}] TJ`);
      out.push('ET');
      this.ops.push(out.join(' '));
    }
    for (const stroke of plan.strokes) {
      this.mark(stroke.tag);
      const font = this.fontFor(stroke.font);
      const s = stroke.size / font.upem;
      const x = line.x + stroke.x;
      const y = baseline + stroke.y;
      this.ops.push(`q ${colour(line.colour)} rg ${num(s)} 0 0 ${num(s)} ${num(x)} ${num(y)} cm ${font.outline(stroke.glyphId)} f Q`);
    }
  }

  /** Close the marked content still open and return the stream's text. */
  finish(): string {
    this.close();
    return this.ops.join('\n') + '\n';
  }

  private mark(tag: Tag): void {
    if (this.openTag === tag) return;
    this.close();
    this.openTag = tag;
    if ('artifact' in tag) {
      this.ops.push(`/Artifact <</Type /${tag.artifact}>> BDC`);
    } else {
      const mcid = this.marked.length;
      this.marked.push({ mcid, node: tag.node });
      this.ops.push(`/${this.roleOf(tag.node)} <</MCID ${mcid}>> BDC`);
    }
  }

  private close(): void {
    if (this.openTag) this.ops.push('EMC');
    this.openTag = undefined;
  }
}

function colour(c: Colour): string {
  return `${num(c.r)} ${num(c.g)} ${num(c.b)}`;
}

/** A number as PDF writes it: at most three decimals, no exponent, no trailing zeros. */
export function num(n: number): string {
  const thousandths = Math.round(n * 1000);
  // String() of k/1000 is its shortest decimal, the same text as toFixed(3) without trailing
  // zeros, and several times cheaper (a page has thousands of numbers).
  return thousandths === 0 ? '0' : String(thousandths / 1000);
}
