import { Tag, Tree, type TreeDataNode } from 'antd';
import type { Permission } from '../../api/types';

const kindLabels: Record<Permission['kind'], string> = { menu: '菜单', button: '按钮', api: '接口' };
const GROUP_PREFIX = 'group:';

/**
 * Permissions as a checkbox tree grouped by `group`. For an administrator role, business
 * permissions are disabled: SEC-18 三员分立 forbids granting them to any of the three admins.
 */
export function PermissionTree(props: {
  permissions: Permission[];
  value?: string[];
  onChange?: (codes: string[]) => void;
  adminRole: boolean;
}) {
  const { permissions, value = [], onChange, adminRole } = props;
  const groups = new Map<string, Permission[]>();
  for (const p of permissions) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);

  const treeData: TreeDataNode[] = [...groups].map(([group, items]) => ({
    key: GROUP_PREFIX + group,
    title: group,
    children: items.map((p) => ({
      key: p.code,
      disableCheckbox: adminRole && p.business && !value.includes(p.code),
      title: (
        <span>
          {p.label} <Tag style={{ marginInlineStart: 4 }}>{kindLabels[p.kind]}</Tag>
          <span style={{ color: '#999', fontSize: 12 }}>{p.code}</span>
        </span>
      ),
    })),
  }));

  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      height={360}
      treeData={treeData}
      checkedKeys={value}
      onCheck={(checked) => {
        const keys = Array.isArray(checked) ? checked : checked.checked;
        onChange?.(keys.map(String).filter((k) => !k.startsWith(GROUP_PREFIX)));
      }}
    />
  );
}
