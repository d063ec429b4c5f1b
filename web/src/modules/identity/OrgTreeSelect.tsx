import { TreeSelect } from 'antd';
import type { OrgTreeNode } from '../../api/types';

interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}

function toOptions(nodes: OrgTreeNode[]): OrgOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

/** Pick one org from the tree, searchable by name. */
export function OrgTreeSelect(props: {
  tree: OrgTreeNode[];
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  return (
    <TreeSelect<number>
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      treeData={toOptions(props.tree)}
      placeholder={props.placeholder ?? '选择机构'}
      allowClear={props.allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={props.tree.map((n) => n.id)}
      popupMatchSelectWidth={360}
      style={props.style}
    />
  );
}
