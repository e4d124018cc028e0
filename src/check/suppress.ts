/**
 * Suppression comments: `<!-- check-ignore rule-id: reason -->` on the line before a block
 * silences that rule for that block (for a false positive). Several rules: `rule-a, rule-b`.
 */
import type { Nodes, Parents } from 'mdast';
import type { Root } from 'mdast';

export interface Suppression {
  rules: string[];
  /** Lines of the block after the comment, inclusive. */
  from: number;
  to: number;
}

const COMMENT = /^<!--\s*check-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::[\s\S]*)?-->\s*$/;

export function suppressions(tree: Root): Suppression[] {
  const found: Suppression[] = [];
  const visit = (parent: Parents) => {
    const children = parent.children as Nodes[];
    children.forEach((node, i) => {
      if (node.type === 'html') {
        const match = COMMENT.exec(node.value.trim());
        const next = children[i + 1];
        if (match && next?.position) {
          found.push({ rules: match[1].split(/\s*,\s*/), from: next.position.start.line, to: next.position.end.line });
        }
      }
      if ('children' in node) visit(node as Parents);
    });
  };
  visit(tree);
  return found;
}

export function isSuppressed(list: Suppression[], rule: string, line: number): boolean {
  return list.some((s) => s.rules.includes(rule) && line >= s.from && line <= s.to);
}
