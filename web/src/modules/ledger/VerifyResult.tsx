import { Alert, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatCount, formatDateTime } from '../../app/format';
import { AuditRowIds } from './AuditRowIds';
import { HashText } from './HashText';
import { problemLabel, problemSentence } from './labels';
import type { VerifyProblem, VerifyResult as Result } from '../../api/types';

const columns: TableColumnsType<VerifyProblem> = [
  { title: '序号', dataIndex: 'index', width: 90, render: (_, p) => formatCount(p.index) },
  { title: '问题', dataIndex: 'kind', width: 170, render: (_, p) => <Tag color="error">{problemLabel(p)}</Tag> },
  { title: '说明', key: 'say', render: (_, p) => problemSentence(p) },
];

/** Whether anything was found: the log itself, or (for the audit log) the audit rows it vouches for. */
export function isTampered(r: Result): boolean {
  return !r.intact || Boolean(r.audit && (r.audit.deleted.length > 0 || r.audit.edited.length > 0));
}

/** The verdict of 校验 in words first (green or red), then where the problems are, then the technical facts. */
export function VerifyResult({ result: r, at }: { result: Result; at: string }) {
  const tampered = isTampered(r);
  const title = tampered ? '发现篡改' : '日志完整';
  // The server's sentence opens with the same verdict; the title says it already.
  const summary = r.summary.startsWith(`${title}：`) ? r.summary.slice(title.length + 1) : r.summary;
  return (
    <Alert
      type={tampered ? 'error' : 'success'}
      showIcon
      title={<Typography.Text strong style={{ fontSize: 16 }}>{title}</Typography.Text>}
      description={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <span>{summary}</span>
          {r.problems.length > 0 && (
            <Table<VerifyProblem>
              rowKey={(p) => `${p.kind}-${p.index}-${p.size ?? ''}-${p.level ?? ''}`}
              size="small"
              columns={columns}
              dataSource={r.problems}
              pagination={r.problems.length > 10 ? { pageSize: 10, size: 'small', showTotal: (n) => `共 ${n} 处问题` } : false}
            />
          )}
          {r.audit && r.audit.deleted.length > 0 && <AuditRowIds label="被删除的审计记录" ids={r.audit.deleted} />}
          {r.audit && r.audit.edited.length > 0 && <AuditRowIds label="被修改的审计记录" ids={r.audit.edited} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(at)} 校验：{formatCount(r.size)} 条记录，{formatCount(r.checkpointsChecked)} 个签名检查点
            {r.audit ? `，${formatCount(r.audit.checkedRows)} 条审计记录` : ''}
            {r.latestCheckpoint && (
              <>
                ；最新检查点根哈希 <HashText hash={r.latestCheckpoint.root} />
              </>
            )}
          </Typography.Text>
        </Space>
      }
    />
  );
}
