import { TreeSelect, type TreeSelectProps } from 'antd';
import type { OrgTreeNode } from '../../api/types';

interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}

function toOptions(nodes: OrgTreeNode[]): OrgOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

/**
 * Pick one org from the tree, searchable by name. Other props (the `id` and aria attributes a
 * Form.Item injects, so its label points at the input) pass through to TreeSelect.
 */
export function OrgTreeSelect({ tree, ...props }: { tree: OrgTreeNode[] } & Omit<TreeSelectProps<number, OrgOption>, 'treeData'>) {
  return (
    <TreeSelect<number, OrgOption>
      placeholder="选择机构"
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={tree.flatMap((n) => [n.id, ...n.children.map((c) => c.id)])}
      popupMatchSelectWidth={360}
      {...props}
      treeData={toOptions(tree)}
    />
  );
}
