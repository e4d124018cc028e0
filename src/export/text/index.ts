/**
 * The plain-text version of a statement, `<slug>-<lang>.txt` beside its page: what a reader
 * pastes into a message, an e-mail or an SMS, or opens where nothing else does. It says what
 * the printed page says, in the same order, one paragraph per line and a blank line between
 * them, so that every app wraps it to its own width.
 */
import { joinFor, SITE } from '../../config.js';
import { eventWords, publishedEvent, publishedSignatories } from '../../content/civic.js';
import { formatDate } from '../../languages.js';
import { absoluteUrl, artefactPaths, isDraft, type Artefact, type Publication } from '../../publication.js';
import { bodyBlocks, StructureBuilder, type TextBlock } from '../../layout/blocks.js';
import { LRM, lineMarks } from '../posts/bidi.js';

export async function renderText(pub: Publication): Promise<Artefact[]> {
  const paragraphs = statementText(pub);
  const lines = pub.lang.dir === 'rtl' ? paragraphs.map(rightToLeft) : paragraphs;
  // The byte order mark makes browsers and editors read the file as UTF-8 even when a server
  // or a file manager says nothing about its encoding.
  const text = `\uFEFF${lines.join('\n\n')}\n`;
  return [{ path: artefactPaths(pub.slug, pub.lang.tag).text, bytes: new TextEncoder().encode(text), kind: 'other', slug: pub.slug, lang: pub.lang.tag }];
}

/** The statement as paragraphs: title, date, event, draft notice, body, signature, co-signers, call to join, address. */
function statementText(pub: Publication): string[] {
  const { doc, lang, t } = pub;
  const out: string[] = [String(doc.data.title ?? '').trim(), formatDate(lang, pub.date)];
  const event = publishedEvent(doc, pub.source);
  if (event) {
    const { when, zone, where } = eventWords(event, lang);
    out.push([`${t('civic.eventHeading')}: ${when} (${zone})`, where].filter(Boolean).join('\n'));
  }
  if (pub.draft ?? isDraft(doc, lang)) out.push(t('statement.draftNotice'));
  const structure = new StructureBuilder();
  out.push(...bodyBlocks(doc.tree, lang, structure, structure.root).map(blockText), t('site.signature'));
  const signatories = publishedSignatories(doc, pub.source);
  if (signatories.length > 0) out.push(`${t('civic.signatoriesHeading')}\n${signatories.map((s) => s.name).join(' · ')}`);
  const join = joinFor(SITE, lang.tag);
  out.push(`${join.text ?? t('civic.joinText')}\n${join.url.replace(/^mailto:/, '')}`);
  out.push(`${t('print.readOnline')}\n${absoluteUrl(SITE.baseUrl, artefactPaths(pub.slug, lang.tag).page)}`);
  return out.filter((p) => p !== '');
}

/** A block as one paragraph: its list marker, its words, and each link's address after its words. */
function blockText(block: TextBlock): string {
  let text = '';
  block.runs.forEach((run, i) => {
    text += run.text;
    // After a link's last run, unless its words are the address itself.
    const address = run.href?.replace(/^mailto:/, '');
    if (address && block.runs[i + 1]?.href !== run.href && !text.endsWith(address)) text += ` (${address})`;
  });
  const indent = '  '.repeat(Math.max(0, block.depth - block.quoteDepth - (block.marker ? 1 : 0)));
  return `${'> '.repeat(block.quoteDepth)}${indent}${block.marker ? `${block.marker.text} ` : ''}${text}`;
}

/**
 * Apps set each line's direction from its first strong letter, so a right-to-left line that
 * starts or ends with a Latin name, a number or an address gets right-to-left marks, as posts do.
 */
function rightToLeft(paragraph: string): string {
  return paragraph.split('\n').map((text) => {
    // The mark after an address keeps its closing slash with it.
    const line = text.replace(/https?:\/\/\S+/g, (url) => `${url}${LRM}`);
    const { start, end } = lineMarks(line);
    return `${start}${line}${end}`;
  }).join('\n');
}
