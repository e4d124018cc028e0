/**
 * What the post tests measure with, written apart from the code under test: Telegram's HTML
 * parse mode undone, the statement's words from its Markdown, and the visual order of a line
 * by the Unicode bidi algorithm (bidi-js through the engine's bidi layer, as test/typeset does).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { expect } from 'vitest';
import { embeddingLevels, resetTrailing, visualOrder } from '../../src/typeset/bidi.js';

/**
 * The text Telegram shows for a message sent with parse_mode HTML, and the tags it used.
 * Telegram counts this text's UTF-16 code units against its limits.
 */
export function telegramText(html: string): { text: string; tags: string[] } {
  const tags = [...html.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((m) => m[1]!);
  const text = html.replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { text, tags };
}

export const MARKS = /[\u200E\u200F\u061C]/g;

/** Words (runs without white space) of a text, directional marks removed. */
export function wordsOf(text: string): string[] {
  return text.replace(MARKS, '').split(/\s+/).filter(Boolean);
}

/** The words of a Markdown statement body, as a reader sees them: a hard line break separates words. */
export function bodyWords(tree: Root): string[] {
  const copy = structuredClone(tree);
  visit(copy, 'break', (node, index, parent) => {
    parent!.children[index!] = { type: 'text', value: '\n' };
  });
  return copy.children.filter((c) => c.type !== 'yaml' && c.type !== 'definition' && c.type !== 'html')
    .flatMap((block) => wordsOf(toString(block)));
}

/** Code-unit indices of one line, left to right as drawn in a paragraph of the given direction. */
export function visual(line: string, direction: 'rtl' | 'ltr' | 'auto'): number[] {
  const { levels, paragraphs } = embeddingLevels(line, direction);
  const copy = Uint8Array.from(levels);
  resetTrailing(line, copy, 0, line.length, paragraphs[0]?.level ?? 0);
  return visualOrder(copy);
}

/** The paragraph level an app that reads the first strong character gives the line: 0 left to right, 1 right to left. */
export function autoLevel(line: string): number {
  return embeddingLevels(line, 'auto').paragraphs[0]?.level ?? 0;
}

/**
 * For one line of right-to-left text: that an app reading its first strong character shows it
 * right to left, and that every URL and Latin word in it reads left to right, its characters
 * side by side. Returns the visual order and each such run with where it is drawn.
 */
export function expectRightToLeftLine(line: string): { order: number[]; runs: { text: string; index: number; at: number }[] } {
  expect(autoLevel(line), line).toBe(1);
  const order = visual(line, 'rtl').filter((i) => !/[\s\u200E\u200F]/.test(line[i]!));
  const runs = [...line.matchAll(/https?:\/\/\S+?(?=[\s\u200E\u200F]|$)|\p{Script=Latin}(?:[\p{Script=Latin}\d.\-]*[\p{Script=Latin}\d])?/gu)].map((m) => {
    const span = Array.from({ length: m[0].length }, (_, j) => m.index! + j);
    const at = order.indexOf(span[0]!);
    expect(order.slice(at, at + span.length), `${m[0]} in ${line}`).toEqual(span);
    return { text: m[0], index: m.index!, at };
  });
  return { order, runs };
}
