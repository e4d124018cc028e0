/**
 * Script of each character, for itemizing (UAX #24, simplified to what the project sets):
 * Arabic, Latin, Cyrillic and Greek are strong; everything else (digits, punctuation, spaces,
 * marks, joiners) is Common and takes the script of the text around it, so a run of Arabic
 * with a comma or a ZWNJ inside is shaped as one Arabic item. Paired brackets take the script
 * of their opening bracket, as UAX #24 suggests, so "(PSL)" inside Persian is shaped as Latin.
 */

export type ItemScript = 'Arab' | 'Latn' | 'Cyrl' | 'Grek' | 'Zyyy';

const ARAB = /\p{Script=Arabic}/u;
const LATN = /\p{Script=Latin}/u;
const CYRL = /\p{Script=Cyrillic}/u;
const GREK = /\p{Script=Greek}/u;

const SCRIPTS: ItemScript[] = ['Zyyy', 'Arab', 'Latn', 'Cyrl', 'Grek'];
/** Script of each BMP code point, looked up once (index into SCRIPTS, plus one; 0 = not yet). */
const bmpCache = new Uint8Array(0x10000);

function strongScript(ch: string): ItemScript {
  const c = ch.charCodeAt(0);
  if (ch.length === 1) {
    let k = bmpCache[c]!;
    if (k === 0) {
      k = SCRIPTS.indexOf(lookupScript(ch)) + 1;
      bmpCache[c] = k;
    }
    return SCRIPTS[k - 1]!;
  }
  return lookupScript(ch);
}

function lookupScript(ch: string): ItemScript {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'Latn' : 'Zyyy';
  // Tatweel and Arabic digits and punctuation are Common by Script_Extensions but Arabic by
  // Script; shaping them with the Arabic item keeps them in the Arabic font.
  if (ARAB.test(ch)) return 'Arab';
  if (LATN.test(ch)) return 'Latn';
  if (CYRL.test(ch)) return 'Cyrl';
  if (GREK.test(ch)) return 'Grek';
  return 'Zyyy';
}

const OPEN = new Map<string, string>([
  ['(', ')'], ['[', ']'], ['{', '}'], ['«', '»'], ['‹', '›'], ['“', '”'], ['„', '“'], ['‘', '’'], ['‚', '‘'],
]);

/** One script per UTF-16 index; surrogate pairs get the script of their code point on both halves. */
export function resolveScripts(text: string, fallback: ItemScript): ItemScript[] {
  const n = text.length;
  const out: ItemScript[] = new Array(n);
  const stack: Array<{ close: string; at: number }> = [];
  let last: ItemScript = 'Zyyy';
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = len === 2 ? text.slice(i, i + 2) : text[i]!;
    let s = strongScript(ch);
    if (s === 'Zyyy') {
      const close = OPEN.get(ch);
      let top = stack.length;
      while (top > 0 && stack[top - 1]!.close !== ch) top--;
      if (top > 0) {
        // A closing bracket takes its opening bracket's script (resolved when it is known).
        s = out[stack[top - 1]!.at]!;
        stack.length = top - 1;
      } else {
        s = last;
        if (close) stack.push({ close, at: i });
      }
    } else {
      last = s;
    }
    out[i] = s;
    if (len === 2) out[i + 1] = s;
    i += len;
  }
  // Leading Common text takes the first strong script after it; all-Common text the fallback.
  let firstStrong: ItemScript = fallback;
  for (let i = 0; i < n; i++) if (out[i] !== 'Zyyy') { firstStrong = out[i]!; break; }
  for (let i = 0; i < n; i++) if (out[i] === 'Zyyy') out[i] = firstStrong;
  return out;
}
