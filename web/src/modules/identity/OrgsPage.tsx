import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Input, Space, Spin, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import type { OrgTreeNode } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DivisionImportModal } from './DivisionImportModal';
import { OrgFormModal } from './OrgFormModal';
import { useOrgTree, type OrgIndexEntry } from './useOrgTree';

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map((n) => ({ key: n.id, title: n.name, children: toTreeData(n.children), isLeaf: n.children.length === 0 }));
}

/** The ids to expand so that every org whose name contains `q` is visible. */
function expandedFor(q: string, index: Map<number, OrgIndexEntry>): number[] {
  const keys = new Set<number>();
  for (const [id, { node }] of index) {
    if (!node.name.includes(q)) continue;
    for (let p = index.get(id)?.parentId ?? null; p !== null; p = index.get(p)?.parentId ?? null) keys.add(p);
  }
  return [...keys];
}

/** 组织机构: the org tree on the left, the selected org on the right. */
export default function OrgsPage() {
  const { can } = useAuth();
  const { tree, index, loading, reload } = useOrgTree();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [selectedId, setSelectedId] = useState<number>();
  const [modal, setModal] = useState<'create' | 'edit' | 'import'>();
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  // After an import, the tree as it was: once the new one arrives, what is new in it gets shown.
  const [beforeImport, setBeforeImport] = useState<Map<number, OrgIndexEntry>>();

  useEffect(() => {
    const root = tree[0];
    if (root && selectedId === undefined) {
      // The root (司法部) has one child, the province: open both so the cities show at once.
      setExpanded(tree.flatMap((n) => [n.id, ...n.children.map((c) => c.id)]));
      setSelectedId(root.id);
    }
  }, [tree, selectedId]);

  useEffect(() => {
    if (!beforeImport || index === beforeImport) return;
    setBeforeImport(undefined);
    // The index is in tree order, so the first new org is the top one of what was imported.
    const added = [...index.keys()].filter((id) => !beforeImport.has(id));
    const first = added[0];
    if (first === undefined) return;
    const parents = new Set<number>();
    for (const id of added) {
      for (let p = index.get(id)?.parentId ?? null; p !== null; p = index.get(p)?.parentId ?? null) parents.add(p);
    }
    setExpanded((keys) => [...new Set([...keys, ...parents])]);
    setSelectedId(first);
    // Scrolled to once the expanded nodes are rendered (the tree is virtual).
    setTimeout(() => treeRef.current?.scrollTo({ key: first, align: 'top' }));
  }, [index, beforeImport]);

  // Tree nodes carry every field of the org, so the details need no request of their own.
  const org = selectedId === undefined ? undefined : index.get(selectedId)?.node;
  // A parent outside the user's data scope is not in their tree, and its name is not theirs to read.
  const parentName = org?.parentId ? (index.get(org.parentId)?.node.name ?? '（不在本人数据范围内）') : '—';

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card
        title="组织机构"
        style={{ width: 420, flexShrink: 0 }}
        extra={
          can('org:import') && (
            <Button icon={<UploadOutlined />} onClick={() => setModal('import')}>
              导入行政区划
            </Button>
          )
        }
      >
        <Input.Search
          placeholder="按名称查找机构"
          allowClear
          onSearch={(q) => q.trim() && setExpanded(expandedFor(q.trim(), index))}
          style={{ marginBottom: 12 }}
        />
        <Spin spinning={loading}>
          {treeData.length === 0 && !loading ? (
            <Empty description="暂无机构" />
          ) : (
            <Tree
              ref={treeRef}
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={setExpanded}
              selectedKeys={selectedId === undefined ? [] : [selectedId]}
              onSelect={(keys) => keys[0] !== undefined && setSelectedId(Number(keys[0]))}
              height={620}
              blockNode
            />
          )}
        </Spin>
      </Card>
      <Card
        title={org?.name ?? '机构详情'}
        style={{ flex: 1 }}
        extra={
          org && (
            <Space>
              {can('org:update') && (
                <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>
                  编辑
                </Button>
              )}
              {can('org:create') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('create')}>
                  新建下级机构
                </Button>
              )}
            </Space>
          )
        }
      >
        {org ? (
          <Descriptions
            bordered
            column={1}
            styles={{ label: { width: 180 } }}
            items={[
              { key: 'name', label: '名称', children: org.name },
              { key: 'type', label: '类型', children: org.typeLabel },
              { key: 'region', label: '行政区划代码', children: org.regionCode },
              { key: 'credit', label: '统一社会信用代码', children: org.creditCode ?? '—' },
              { key: 'parent', label: '上级', children: parentName },
              { key: 'children', label: '下级机构数', children: org.children.length },
            ]}
          />
        ) : (
          <Empty description="请在左侧选择机构" />
        )}
      </Card>
      {modal === 'import' && (
        <DivisionImportModal
          onClose={() => setModal(undefined)}
          onImported={() => {
            setBeforeImport(index);
            reload();
          }}
        />
      )}
      {(modal === 'create' || modal === 'edit') && org && (
        <OrgFormModal
          parent={modal === 'create' ? org : undefined}
          org={modal === 'edit' ? org : undefined}
          onClose={() => setModal(undefined)}
          onSaved={(saved) => {
            setModal(undefined);
            reload();
            const { parentId } = saved;
            if (parentId !== null) setExpanded((keys) => [...new Set([...keys, parentId])]);
            setSelectedId(saved.id);
          }}
        />
      )}
    </div>
  );
}
