import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, PowerItem, PowerReview } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { useGet } from '../../api/useGet';
import { BasisCard } from './BasisCard';
import { BenchmarkTable } from './BenchmarkTable';
import { itemKindTags } from './labels';
import { usePowerItem } from './usePowerItem';

function Title({ children, extra }: { children: string; extra?: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 0 }}>
      {children}
      {extra && <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 6 }}>{extra}</Typography.Text>}
    </Typography.Title>
  );
}

/**
 * 执法事项: what it is and who exercises it, its legal bases with their words and their law's
 * status, and its 裁量基准; 编辑 and 删除 for those who manage the list.
 */
export function ItemDrawer(props: { id: number; onClose: () => void; onEdit: (item: PowerItem) => void; onDeleted: () => void; onReview: () => void }) {
  const { id, onClose, onEdit, onDeleted, onReview } = props;
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const { data: item, failed } = usePowerItem(id);
  const reviews = useGet<Page<PowerReview>>('/power-list/reviews', { itemId: id, pageSize: 1 }, { quiet: true });
  const [deleting, setDeleting] = useState(false);

  async function remove() {
    setDeleting(true);
    try {
      const gone = await api.delete<{ code: string }>(`/power-list/items/${id}`);
      void message.success(`已删除执法事项 ${gone.code}`);
      onDeleted();
    } catch (e) {
      report(e);
    } finally {
      setDeleting(false);
    }
  }

  const pending = reviews.data?.total ?? 0;
  return (
    <Drawer
      open
      size={820}
      title={item ? `执法事项：${item.name}` : '执法事项'}
      onClose={onClose}
      extra={
        item &&
        can('power-list:manage') && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onEdit(item)}>
              编辑
            </Button>
            <Popconfirm
              title={`删除执法事项 ${item.code}？`}
              description="删除后该事项的依据与裁量基准一并删除，不可恢复。"
              okText="删除"
              okButtonProps={{ danger: true, loading: deleting }}
              cancelText="取消"
              onConfirm={() => void remove()}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {!item ? (
        failed ? <Empty description="执法事项不存在或已被删除" /> : <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {pending > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`所引法规有了新版本：${pending} 条依据待复核`}
              action={
                <Button size="small" onClick={onReview}>
                  去复核
                </Button>
              }
            />
          )}
          <Descriptions
            size="small"
            column={2}
            bordered
            styles={{ label: { width: 96 } }}
            items={[
              { key: 'code', label: '事项编码', children: <Typography.Text copyable>{item.code}</Typography.Text> },
              { key: 'kind', label: '事项类别', children: <Tag color={itemKindTags[item.kind]}>{item.kind}</Tag> },
              { key: 'name', label: '事项名称', span: 2, children: item.name },
              {
                key: 'org',
                label: '实施主体',
                span: 2,
                children: item.orgTypeLabels.length > 0 ? item.orgTypeLabels.join('、') : <Typography.Text type="secondary">未指定</Typography.Text>,
              },
              { key: 'desc', label: '说明', span: 2, children: item.description || <Typography.Text type="secondary">—</Typography.Text> },
              { key: 'updated', label: '更新时间', span: 2, children: formatDateTime(item.updatedAt) },
            ]}
          />
          <div>
            <Title extra={`（${item.bases.length}）`}>法律依据</Title>
            {item.bases.length === 0 ? (
              <Typography.Text type="secondary">未列法律依据</Typography.Text>
            ) : (
              <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                {item.bases.map((b) => (
                  <BasisCard key={`${b.role}:${b.elementId}`} basis={b} />
                ))}
              </Space>
            )}
          </div>
          <div>
            <Title extra={item.benchmarks.length > 0 ? `（${item.benchmarks.length} 个阶次）` : undefined}>裁量基准</Title>
            <BenchmarkTable tiers={item.benchmarks} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
