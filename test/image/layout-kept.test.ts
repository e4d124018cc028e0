/** satori's layout of a card is kept between builds: it depends only on the blocks' sizes. */
import { describe, expect, it } from 'vitest';
import { cardTree, layoutTree, placements, type CardBoxes } from '../../src/export/image/flex.js';
import { cardFormat } from '../../src/export/image/formats.js';
import type { TextBlock } from '../../src/export/image/text.js';
import type { Memo } from '../../src/memo.js';

/** A memo over a Map, as the build's cache is one over its folder; `mark` is added to what it gives back. */
function mapMemo(kept: Map<string, Uint8Array>, mark = ''): Memo {
  return async (key, make) => {
    const had = kept.get(key);
    if (had) return new Uint8Array([...had, ...Buffer.from(mark)]);
    const made = await make();
    kept.set(key, made);
    return made;
  };
}

/** As much of a text block as the layout reads: its role and size. */
const block = (role: string, width: number, height: number) => ({ role, width, height, inset: 0 }) as unknown as TextBlock;

function boxes(titleHeight: number): CardBoxes {
  return {
    header: [block('organisation', 200, 30), block('date', 150, 30)],
    footer: [block('url', 300, 24), block('call', 120, 24)],
    title: block('title', 1000, titleHeight),
    quote: block('quote', 1000, 120),
    rule: { width: 120, height: 6 },
    gaps: { headerToRule: 20, ruleToBody: 30, titleToQuote: 24, bodyToFooter: 20 },
  };
}

describe('the card layout kept between builds', () => {
  it('is read back instead of laid out again while the blocks keep their sizes, and made anew when one changes', async () => {
    const kept = new Map<string, Uint8Array>();
    const format = cardFormat('share-1200x630.png');
    const plain = await layoutTree(cardTree(format, false, boxes(160)), format);

    expect(await layoutTree(cardTree(format, false, boxes(160)), format, mapMemo(kept))).toBe(plain);
    expect(kept.size).toBe(1);

    // What is kept is what the next build's card gets: mark the kept layout and look for the mark.
    const marked = mapMemo(kept, '<!--kept-->');
    expect(await layoutTree(cardTree(format, false, boxes(160)), format, marked)).toBe(`${plain}<!--kept-->`);

    // A title one line longer is another layout: laid out by satori, with the body placed anew.
    const taller = await layoutTree(cardTree(format, false, boxes(200)), format, marked);
    expect(taller).not.toContain('<!--kept-->');
    const quoteY = (svg: string) => placements(svg, [boxes(0).quote!])[0]!.y;
    expect(quoteY(taller)).not.toBe(quoteY(plain));
    expect(kept.size).toBe(2);
  });
});
