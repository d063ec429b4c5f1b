import type { LawElement } from '../../api/types';

export interface LawNode {
  el: LawElement;
  children: LawNode[];
}

/** The flat elements (document order, each with its parentId) as the tree they describe. */
export function buildLawTree(elements: readonly LawElement[]): LawNode[] {
  const byId = new Map<string, LawNode>();
  const roots: LawNode[] = [];
  for (const el of elements) {
    const node: LawNode = { el, children: [] };
    byId.set(el.id, node);
    const parent = el.parentId === null ? undefined : byId.get(el.parentId);
    // A parent always comes before its children; one that does not is shown at the top rather than lost.
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Kinds that hold articles: what the outline on the left shows, with the articles. */
export const CONTAINER_KINDS = new Set(['part', 'subpart', 'chapter', 'section', 'heading', 'appendix']);

/** 第二章 and 行政处罚的种类和设定 joined by an ideographic space; an unnumbered heading is its title alone. */
export function containerTitle(el: LawElement): string {
  return [el.label, el.heading].filter((s) => s !== '').join('　');
}
