/**
 * Glyph outlines as HarfBuzz draws them (see glyphPath): SVG path data with absolute M, L, Q,
 * C and Z commands, in font units with y up. One reader for the exporters that turn outlines
 * into PDF operators or pixels.
 */

export interface PathCommand {
  op: 'M' | 'L' | 'Q' | 'C' | 'Z';
  /** The command's coordinates: x, y pairs (none for Z). */
  v: number[];
}

const ARITY = { M: 2, L: 2, Q: 4, C: 6, Z: 0 } as const;

export function parsePath(d: string): PathCommand[] {
  const tokens = d.match(/[MLQCZ]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? [];
  const commands: PathCommand[] = [];
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i++]!.toUpperCase() as PathCommand['op'];
    const n = ARITY[op];
    if (n === undefined) continue; // a stray number: HarfBuzz never writes one
    commands.push({ op, v: tokens.slice(i, i + n).map(Number) });
    i += n;
  }
  return commands;
}
