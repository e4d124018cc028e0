/**
 * What a publication's share cards say. Apart from the renderer so that the build can tell
 * whether the images of a changed translation change at all without loading the image code:
 * they depend on these few fields, not on the body of the statement.
 */
import { SITE } from '../config.js';
import { formatDate } from '../languages.js';
import { shareText, type Publication } from '../publication.js';
import type { CardText } from '../export/image/card.js';
import { cardNote } from './card-note.js';

/** What the card says, in the publication's language. */
export function cardText(pub: Publication): CardText {
  const { title, quote } = shareText(pub);
  return {
    lang: pub.lang,
    organisation: pub.t('site.name'),
    title,
    quote,
    date: formatDate(pub.lang, pub.date),
    url: SITE.shortUrl,
    language: pub.lang.nativeName,
    note: cardNote(pub),
  };
}

/**
 * Everything the share images of a publication are made from: the card's text (with the date
 * as written in the front matter; the language formats it), the alt text and where a too-long
 * quote would be reported. Two publications with the same inputs get the same image files.
 * Never throws: the build asks before the check has looked at the content.
 */
export function shareImageInputs(pub: Publication): string {
  const { title, quote, alt } = shareText(pub);
  return JSON.stringify({
    lang: pub.lang.tag,
    organisation: pub.t('site.name'),
    title,
    quote,
    alt,
    date: pub.date,
    url: SITE.shortUrl,
    language: pub.lang.nativeName,
    note: noteOrError(pub),
    path: pub.doc.path,
    field: pub.doc.data.quote ? 'quote' : 'summary',
  });
}

/** The card's note for the cache key; broken front matter is the check's to report. */
function noteOrError(pub: Publication): string | undefined {
  try {
    return cardNote(pub);
  } catch {
    return 'unreadable';
  }
}
