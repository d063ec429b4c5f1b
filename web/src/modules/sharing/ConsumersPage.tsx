import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { ShareConsumer } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { ConsumerKeyModal } from './ConsumerKeyModal';
import { ConsumerModal, type NewConsumer } from './ConsumerModal';
import { algLabels, consumerStatusTags } from './labels';
import { useSharingRefs } from './useSharingRefs';

/** 调用方: other agencies' systems that call the sharing API, with their keys; registering, suspending. */
export default function ConsumersPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const refs = useSharingRefs();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewConsumer>();
  const canManage = can('sharing:manage');

  async function setStatus(c: ShareConsumer, status: ShareConsumer['status']) {
    try {
      await api.patch<ShareConsumer>(`/sharing/consumers/${c.id}`, { status });
      void message.success(status === 'suspended' ? `已停用「${c.name}」，其调用将被拒绝` : `已恢复「${c.name}」`);
      refs.reloadConsumers();
    } catch (e) {
      report(e);
    }
  }

  const columns: TableColumnsType<ShareConsumer> = [
    {
      title: '调用方',
      dataIndex: 'name',
      render: (_, c) => (
        <>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.agency && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.agency}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    { title: '对接单位', dataIndex: 'orgId', width: 170, render: (_, c) => refs.orgName(c.orgId) },
    { title: '密钥 ID', dataIndex: 'keyId', width: 200, render: (_, c) => <Typography.Text code copyable={{ tooltips: ['复制', '已复制'] }}>{c.keyId}</Typography.Text> },
    { title: '签名算法', dataIndex: 'alg', width: 110, render: (_, c) => <Tag>{algLabels[c.alg]}</Tag> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, c) => <Tag color={consumerStatusTags[c.status].color}>{consumerStatusTags[c.status].label}</Tag> },
    { title: '登记时间', dataIndex: 'createdAt', width: 160, render: (_, c) => formatDateTime(c.createdAt) },
    {
      title: '操作',
      key: 'actions',
      width: canManage ? 160 : 100,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void navigate(`/sharing/grants?consumerId=${c.id}`)}>
            查看授权
          </Button>
          {canManage &&
            refs.inScope(c.orgId) &&
            (c.status === 'active' ? (
              <Popconfirm title={`停用「${c.name}」？`} description="停用后该调用方的所有调用立即被拒绝，可随时恢复。" okText="停用" okButtonProps={{ danger: true }} onConfirm={() => setStatus(c, 'suspended')}>
                <Button type="link" size="small" danger>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => void setStatus(c, 'active')}>
                恢复
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="调用方"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refs.reloadConsumers}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记调用方
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        调用方是调用共享接口的其他部门业务系统（法院、人社、市场监管、各市政府、司法部等）。每次调用都须按 RFC 9421 签名并声明用途；调用方只能取得已授权的信息项。对接单位在本单位数据范围内的调用方，可在此停用或恢复。
      </Typography.Paragraph>
      <Table<ShareConsumer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={refs.consumers}
        loading={!refs.loaded}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个`, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={canManage ? '尚未登记调用方。其他部门的系统要调用共享接口，须先在此登记并取得密钥。' : '尚未登记调用方'} /> }}
      />
      {creating && (
        <ConsumerModal
          refs={refs}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
            refs.reloadConsumers();
          }}
        />
      )}
      {created && <ConsumerKeyModal consumer={created} onClose={() => setCreated(undefined)} />}
    </Card>
  );
}
