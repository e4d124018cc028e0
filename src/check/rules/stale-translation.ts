/**
 * The English text changed after the translation was stamped. The stamp keeps a short code per
 * English block, so the message names the blocks that changed, without git history.
 */
import type { Rule } from '../types.js';
import { changedBlocks, fingerprint, FINGERPRINT_FIELD, parseFingerprint, sourceBlocks } from '../fingerprint.js';
import { excerpt, fieldPlace, placeForSourceLine, sourceLine } from './util.js';

const rule: Rule = {
  id: 'stale-translation',
  severity: 'warning',
  description: 'The English text changed after this translation was stamped; the message names each changed English paragraph.',
  document(ctx) {
    const stored = parseFingerprint(ctx.doc.data[FINGERPRINT_FIELD]);
    if (!stored || stored.version === fingerprint(ctx.source).version) return;
    const stamp = `npm run stamp -- ${ctx.doc.path}`;
    const fix = `Update the translation to match, have it reviewed, then run \`${stamp}\`.`;
    const { changed, removed } = changedBlocks(stored, sourceBlocks(ctx.source));
    for (const block of changed) {
      const where = block.field ? fieldPlace(ctx, block.field) : placeForSourceLine(ctx, block.line);
      const what = block.field ? `the ${block.field}` : `the text at ${sourceLine(ctx, block.line)}`;
      ctx.report(where, `The English text changed since this translation was stamped: ${what} (“${excerpt(block.text)}”) is new or reworded.`, fix);
    }
    if (removed > 0 || changed.length === 0) {
      const what = removed > 0 ? `${removed} English block${removed > 1 ? 's were' : ' was'} removed` : 'the English text was edited';
      ctx.report(fieldPlace(ctx, FINGERPRINT_FIELD), `The English text changed since this translation was stamped: ${what}.`,
        removed > 0 ? `Remove the translation of what the English text no longer has, have it reviewed, then run \`${stamp}\`.` : fix);
    }
  },
};
export default rule;
