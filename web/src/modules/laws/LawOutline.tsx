import { Tree, Typography, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { CONTAINER_KINDS, containerTitle, type LawNode } from './lawTree';

function toTree(nodes: LawNode[]): TreeDataNode[] {
  return nodes
    .filter((n) => n.el.kind === 'article' || CONTAINER_KINDS.has(n.el.kind))
    .map((n) =>
      n.el.kind === 'article'
        ? { key: n.el.id, title: n.el.label, isLeaf: true }
        : { key: n.el.id, title: <Typography.Text strong>{containerTitle(n.el)}</Typography.Text>, children: toTree(n.children) },
    );
}

function containerKeys(nodes: LawNode[]): string[] {
  return nodes.flatMap((n) => (CONTAINER_KINDS.has(n.el.kind) ? [n.el.id, ...containerKeys(n.children)] : []));
}

/** 编/章/节 with their articles: picking one scrolls the text to it. */
export function LawOutline({ roots, selected, onSelect, height }: { roots: LawNode[]; selected: string | undefined; onSelect: (id: string) => void; height: number }) {
  const treeData = useMemo(() => toTree(roots), [roots]);
  const expanded = useMemo(() => containerKeys(roots), [roots]);
  const tree = useRef<GetRef<typeof Tree>>(null);
  // The article opened from the text or a link: bring it into the outline's view too.
  useEffect(() => {
    if (selected) tree.current?.scrollTo({ key: selected, align: 'auto', offset: 40 });
  }, [selected]);
  if (treeData.length === 0) return <Typography.Text type="secondary">本法规没有章节与条文结构</Typography.Text>;
  return (
    <Tree
      ref={tree}
      className="tp-law-outline"
      treeData={treeData}
      defaultExpandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      height={height}
      blockNode
      onSelect={(keys) => {
        const [key] = keys;
        if (key !== undefined) onSelect(String(key));
      }}
    />
  );
}
