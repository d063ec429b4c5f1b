import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { ShareResource } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useLibraries } from '../standards/useLibraries';
import { cycleLabel, openTypeTags, sharingTypeHelp, sharingTypeTags } from './labels';
import { useGet } from '../../api/useGet';
import type { SharingRefs } from './useSharingRefs';

/** One resource of the catalog: its terms, and its fields with their 数据元 names and masking. */
export function ResourceDrawer(props: { code: string; version: number; refs: SharingRefs; onClose: () => void; onEdit: (r: ShareResource) => void; onAsk: (code: string) => void }) {
  const { code, version, refs, onClose, onEdit, onAsk } = props;
  const { can } = useAuth();
  const { data: r, failed, reload } = useGet<ShareResource>(`/sharing/resources/${encodeURIComponent(code)}`);
  const { nameOf } = useLibraries({ quiet: true });
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const canAsk = can('sharing:request') || can('sharing:manage');

  return (
    <Drawer
      open
      size={760}
      title={r ? `共享资源：${r.name}` : '共享资源'}
      onClose={onClose}
      extra={
        r && (
          <Space>
            {can('sharing:manage') && (r.ownerOrgId === null || refs.inScope(r.ownerOrgId)) && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(r)}>
                编辑
              </Button>
            )}
            {canAsk && r.sharingType !== 'none' && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => onAsk(r.code)}>
                申请使用
              </Button>
            )}
          </Space>
        )
      }
    >
      {!r ? (
        failed ? <Alert type="error" showIcon title="资源读取失败" description="该资源不存在或暂时无法读取，请关闭后重试。" /> : <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="资源编码">
              <Typography.Text code>{r.code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="标准库">{nameOf(r.libraryId)}</Descriptions.Item>
            <Descriptions.Item label="提供单位">{refs.orgName(r.ownerOrgId)}</Descriptions.Item>
            <Descriptions.Item label="更新周期">{cycleLabel(r.updateCycle)}</Descriptions.Item>
            <Descriptions.Item label="共享类型" span={2}>
              <Tag color={sharingTypeTags[r.sharingType].color}>{sharingTypeTags[r.sharingType].label}</Tag>
              <Typography.Text type="secondary">{sharingTypeHelp[r.sharingType]}</Typography.Text>
            </Descriptions.Item>
            {r.sharingBasis && (
              <Descriptions.Item label={r.sharingType === 'none' ? '不予共享依据' : '共享依据'} span={2}>
                {r.sharingBasis}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="开放类型">
              <Tag color={openTypeTags[r.openType].color}>{openTypeTags[r.openType].label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatDateTime(r.updatedAt)}</Descriptions.Item>
            {r.description && (
              <Descriptions.Item label="说明" span={2}>
                {r.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>信息项（{r.fields.length}）</Typography.Title>
            <Typography.Paragraph type="secondary">
              调用方只能得到授权的信息项；标“脱敏”的（身份证号、手机号等）默认脱敏后返回，如 330***********123X，审批时可授权明文。
            </Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.fields}
              columns={[
                { title: '数据元名称', dataIndex: 'name' },
                { title: '字段标识', dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
                { title: '可作查询条件', dataIndex: 'id', key: 'lookup', width: 120, render: (id: string) => (r.lookupKeys.includes(id) ? <Tag color="blue">查询条件</Tag> : null) },
                { title: '默认脱敏', dataIndex: 'masked', width: 100, render: (m: boolean) => (m ? <Tag color="orange">脱敏</Tag> : null) },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
