/**
 * The short line the share cards show under the date when a statement reaches beyond its
 * text: how many organisations co-signed it (the language's plural forms and digits), and the
 * day of its event (the language's calendar). Undefined when it has neither.
 */
import { publishedEvent, publishedSignatories, zonedInstant } from '../content/civic.js';
import { formatDay, formatNumber } from '../languages.js';
import type { Publication } from '../publication.js';

export function cardNote(pub: Publication): string | undefined {
  const { lang, t } = pub;
  const parts: string[] = [];
  const count = publishedSignatories(pub.doc, pub.source).length;
  if (count > 0) parts.push(t('civic.signedBy', { count, number: formatNumber(lang, count) }));
  const event = publishedEvent(pub.doc, pub.source);
  if (event) parts.push(formatDay(lang, zonedInstant(event.start, event.timeZone), event.timeZone));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
