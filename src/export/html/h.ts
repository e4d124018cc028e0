/**
 * A tiny hast builder, so page templates read like the HTML they produce and every
 * string goes through hast-util-to-html's escaping (never string concatenation).
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';

export type Child = ElementContent | string | null | undefined | false | Child[];

export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  const props: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined && value !== null) props[key] = value;
  return { type: 'element', tagName, properties: props, children: flatten(children) };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

export function root(...children: (RootContent | null | undefined | false)[]): Root {
  return { type: 'root', children: children.filter((c): c is RootContent => Boolean(c)) };
}

export function flatten(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === 'string') out.push(text(child));
    else out.push(child);
  }
  return out;
}
