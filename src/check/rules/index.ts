/**
 * The one list of rules. Order is the order of TRANSLATING.md: completeness, structure,
 * unfinished text, orthography and typography, fonts, staleness, files.
 */
import type { Rule, Severity } from '../types.js';
import missingTranslation from './missing-translation.js';
import missingUi from './missing-ui.js';
import orphanTranslation from './orphan-translation.js';
import frontMatterRequired from './front-matter-required.js';
import summaryLength from './summary-length.js';
import postsFit from './posts-fit.js';
import statusValue from './status-value.js';
import quoteInBody from './quote-in-body.js';
import uiMissingKey from './ui-missing-key.js';
import uiExtraKey from './ui-extra-key.js';
import uiVariables from './ui-variables.js';
import uiPluralForms from './ui-plural-forms.js';
import structureBlocks from './structure-blocks.js';
import structureLinks from './structure-links.js';
import structureNumbers from './structure-numbers.js';
import duplicateTitle from './duplicate-title.js';
import untranslatedBlock from './untranslated-block.js';
import wrongScript from './wrong-script.js';
import todoMarker from './todo-marker.js';
import emptyBlock from './empty-block.js';
import persianArabicLetters from './persian-arabic-letters.js';
import arabicPersianLetters from './arabic-persian-letters.js';
import mixedDigits from './mixed-digits.js';
import digitSystem from './digit-system.js';
import zwnjPrefix from './zwnj-prefix.js';
import invisibleCharacters from './invisible-characters.js';
import belarusianLetters from './belarusian-letters.js';
import russianLetters from './russian-letters.js';
import homoglyph from './homoglyph.js';
import quotes from './quotes.js';
import doubleSpace from './double-space.js';
import spaceBeforePunctuation from './space-before-punctuation.js';
import fontCoverage from './font-coverage.js';
import sourceFingerprint from './source-fingerprint.js';
import notReviewed from './not-reviewed.js';
import staleTranslation from './stale-translation.js';
import encodingBom from './encoding-bom.js';
import lineEndings from './line-endings.js';
import checkIgnoreComment from './check-ignore-comment.js';
import signatoriesFormat from './signatories-format.js';
import signatoriesCount from './signatories-count.js';
import signatoriesLinks from './signatories-links.js';
import eventFormat from './event-format.js';
import eventMatch from './event-match.js';

export const RULES: Rule[] = [
  missingTranslation, missingUi, orphanTranslation, frontMatterRequired, summaryLength, postsFit, statusValue, quoteInBody,
  signatoriesFormat, signatoriesCount, signatoriesLinks, eventFormat, eventMatch,
  uiMissingKey, uiExtraKey, uiVariables, uiPluralForms,
  structureBlocks, structureLinks, structureNumbers, duplicateTitle,
  untranslatedBlock, wrongScript, todoMarker, emptyBlock,
  persianArabicLetters, arabicPersianLetters, mixedDigits, digitSystem, zwnjPrefix, invisibleCharacters,
  belarusianLetters, russianLetters, homoglyph, quotes, doubleSpace, spaceBeforePunctuation,
  fontCoverage, sourceFingerprint, notReviewed, staleTranslation, encodingBom, lineEndings, checkIgnoreComment,
];

/**
 * Problems the content loader (src/content) finds while reading files. They are reported
 * under these ids like any rule and can be configured the same way.
 */
export const LOADER_RULES: Array<{ id: string; severity: Severity; description: string }> = [
  { id: 'content-front-matter-missing', severity: 'error', description: 'The file does not start with a front matter block between two `---` lines.' },
  { id: 'content-front-matter-yaml', severity: 'error', description: 'The front matter is not valid YAML (e.g. an unquoted value with a colon, a repeated field).' },
  { id: 'content-invalid-utf8', severity: 'error', description: 'The file is not saved as UTF-8 text.' },
  { id: 'content-too-large', severity: 'error', description: 'The file is larger than 1 MB, far more than any statement.' },
  { id: 'content-unreadable', severity: 'error', description: 'The file could not be read at all.' },
  { id: 'content-unknown-language', severity: 'error', description: 'A folder under translations/ is not a known language tag.' },
  { id: 'content-unexpected-file', severity: 'error', description: 'A file that is not a Markdown (.md) statement lies among the statements or translations.' },
  { id: 'content-invalid-slug', severity: 'error', description: 'A file name that is not a valid statement name (lowercase Latin letters, digits, single hyphens; not feeds, fonts or release).' },
  { id: 'content-ui-json', severity: 'error', description: 'ui.json is not a valid JSON object.' },
];

/** Default severity of every rule id, loader rules included. */
export function defaultSeverities(): Record<string, Severity> {
  const result: Record<string, Severity> = {};
  for (const rule of [...LOADER_RULES, ...RULES]) result[rule.id] = rule.severity;
  return result;
}
