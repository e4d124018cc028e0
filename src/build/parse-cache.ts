/**
 * Parsed Markdown kept between builds: after an edit to one translation, the other files
 * parse to the same trees as last time. Parsing the seven files of one statement took 50–75 ms
 * of every warm build; reading their trees back takes under 1 ms. The parser's messages
 * (broken front matter …) are kept with the tree and put on the file again.
 */
import type { VFile } from 'vfile';
import { parseMarkdown, type Parsed } from '../content/parse.js';
import { KeptJson } from './kept-json.js';

type Message = Pick<VFile['messages'][number], 'reason' | 'place' | 'ruleId' | 'source' | 'fatal' | 'note'>;

interface Entry {
  parsed: Parsed;
  messages: Message[];
}

export class ParseCache {
  private readonly kept: KeptJson<Entry>;

  /** `version`: the code version of content/parse.ts (see codeVersion). */
  constructor(dir: string, version: string) {
    this.kept = new KeptJson(dir, version);
  }

  /** Same result and messages as parseMarkdown(text, file). */
  parse = (text: string, file: VFile): Parsed => {
    const entry = this.kept.get(text);
    if (entry?.parsed?.tree && Array.isArray(entry.messages)) {
      for (const m of entry.messages) replay(file, m);
      return entry.parsed;
    }
    const before = file.messages.length;
    const parsed = parseMarkdown(text, file);
    this.kept.set(text, { parsed, messages: file.messages.slice(before).map(record) });
    return parsed;
  };

  /** Remove the entries of texts this load did not read: old versions of edited files (see KeptJson.prune). */
  prune(): void {
    this.kept.prune();
  }
}

function record(m: VFile['messages'][number]): Message {
  return { reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note };
}

function replay(file: VFile, m: Message): void {
  const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
  message.fatal = m.fatal;
  if (m.note !== undefined) message.note = m.note;
}
