import { ArrowLeftOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AUDIT_LOG } from './audit';
import { CheckpointsTab } from './CheckpointsTab';
import { EntriesTab } from './EntriesTab';
import { KeysTab } from './KeysTab';
import { LogFacts } from './LogFacts';
import type { LedgerLogDetail } from '../../api/types';
import { useLedgerGet } from './useLedgerGet';
import { useVerify } from './useVerify';
import { VerifyResult } from './VerifyResult';

/** One log: its facts, 校验 (is anything deleted or changed?), and its entries, checkpoints and keys. */
export default function LogPage() {
  const name = useParams().name ?? '';
  const navigate = useNavigate();
  const { data: log, failed, reload } = useLedgerGet<LedgerLogDetail>(`/ledger/logs/${encodeURIComponent(name)}`);
  const { verdict, verifying, verify } = useVerify(name);
  // Moves on whenever the log may have grown, so the tabs read their lists again.
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => {
    reload();
    setVersion((v) => v + 1);
  }, [reload]);

  if (!log) {
    if (!failed) return <Spin size="large" style={{ display: 'block', marginTop: 80 }} />;
    return (
      <Result
        status="404"
        title="存证日志不存在"
        subTitle={`没有名为“${name}”的存证日志，或暂时无法读取。`}
        extra={
          <Link to="/ledger">
            <Button>返回存证日志列表</Button>
          </Link>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回存证日志列表" onClick={() => void navigate('/ledger')} />
            存证日志：{log.name}
          </Space>
        }
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            刷新
          </Button>
        }
      >
        <div style={{ display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap' }}>
          <div style={{ flex: 1, minWidth: 480 }}>
            <LogFacts log={log} />
          </div>
          <div style={{ textAlign: 'center', width: 220 }}>
            <Button
              type="primary"
              size="large"
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={() => void verify().then(refresh)}
              style={{ width: '100%' }}
            >
              {verifying ? '正在校验' : '校验'}
            </Button>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              逐条重新计算，核对是否有记录被删除或改动{log.name === AUDIT_LOG ? '，并核对审计日志' : ''}
            </Typography.Paragraph>
          </div>
        </div>
        {verdict && (
          <div style={{ marginTop: 16 }}>
            <VerifyResult result={verdict.result} at={verdict.at} />
          </div>
        )}
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          items={[
            {
              key: 'entries',
              label: '记录',
              children: (
                <EntriesTab
                  log={log.name}
                  version={version}
                  emptyText={log.name === AUDIT_LOG ? '暂无记录：审计记录会定期自动写入本日志，请稍后刷新' : '暂无记录：业务系统写入存证后会显示在这里'}
                />
              ),
            },
            { key: 'checkpoints', label: '检查点', children: <CheckpointsTab log={log.name} version={version} /> },
            { key: 'keys', label: '密钥与见证', children: <KeysTab log={log} onChanged={refresh} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
