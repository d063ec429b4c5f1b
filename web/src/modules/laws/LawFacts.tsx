import { Alert, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { LawVersionDetail, LawWarning } from '../../api/types';
import { formatCount, formatDate, formatDateTime } from '../../app/format';
import { baseName, lawHref } from './ids';
import { historyKindLabels, warningCodeLabels } from './labels';
import { LawStatusTag } from './StatusTag';

function counts(v: LawVersionDetail['version']): string {
  const parts = [`${formatCount(v.articles)} 条`];
  if (v.parts > 0) parts.unshift(`${v.parts} 编`);
  if (v.chapters > 0) parts.push(`${v.chapters} 章`);
  if (v.sections > 0) parts.push(`${v.sections} 节`);
  return parts.join('，');
}

/** The other versions of the same law, each a link with its status; the one shown is not a link. */
function Versions({ detail }: { detail: LawVersionDetail }) {
  return (
    <Space wrap size={[12, 4]}>
      {detail.versions.map((v) => (
        <Space key={v.id} size={4}>
          {v.id === detail.version.id ? (
            <Typography.Text strong>{v.versionDate ?? '未注明日期'}（本版本）</Typography.Text>
          ) : (
            <Link to={lawHref(v.id)}>{v.versionDate ?? '未注明日期'}</Link>
          )}
          <LawStatusTag status={v.status} />
        </Space>
      ))}
    </Space>
  );
}

const warningColumns = [
  { title: '位置', key: 'at', width: 260, render: (_: unknown, w: LawWarning) => `${baseName(w.file)}${w.line > 0 ? ` 第 ${w.line} 行` : '（整个文件）'}` },
  { title: '类型', key: 'code', width: 150, render: (_: unknown, w: LawWarning) => <Tag>{warningCodeLabels[w.code] ?? w.code}</Tag> },
  { title: '说明', dataIndex: 'message', key: 'message' },
];

/** The facts of a law version: level, issuer, dates, versions; then its history, files and warnings. */
export function LawFacts({ detail }: { detail: LawVersionDetail }) {
  const v = detail.version;
  const ended = v.repealedOn ? { label: '废止日期', value: v.repealedOn } : v.supersededOn ? { label: '被修改日期', value: v.supersededOn } : undefined;
  const current = v.status === 'in-force' ? undefined : detail.versions.find((x) => x.status === 'in-force');
  return (
    <>
      {current && (
        <Alert
          type={v.status === 'repealed' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              本版本{v.statusLabel}，现行有效的是 <Link to={lawHref(current.id)}>{current.versionDate ?? '未注明日期'} 版本</Link>
            </>
          }
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'level', label: '效力层级', children: v.levelLabel },
          { key: 'issuer', label: '制定机关', children: v.issuer || '—' },
          { key: 'counts', label: '结构', children: counts(v) },
          { key: 'version', label: '版本日期', children: formatDate(v.versionDate) },
          { key: 'effective', label: '施行日期', children: v.effectiveDate ? formatDate(v.effectiveDate) : <Typography.Text type="secondary">文本未载明</Typography.Text> },
          ...(ended ? [{ key: 'ended', label: ended.label, children: formatDate(ended.value) }] : []),
          { key: 'versions', label: '全部版本', span: 'filled' as const, children: <Versions detail={detail} /> },
        ]}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'history',
            label: `沿革（${detail.history.length} 条）`,
            children:
              detail.history.length === 0 ? (
                <Typography.Text type="secondary">文本未载明制定与修改沿革</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {detail.history.map((h) => (
                    <li key={h.line}>
                      <Tag style={{ marginInlineEnd: 8 }}>{historyKindLabels[h.kind] ?? h.kind}</Tag>
                      {h.text}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'warnings',
            label: (
              <>
                导入警告（{detail.warnings.length} 条）
                {detail.warnings.length > 0 && (
                  <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>
                    请对照原文核对
                  </Typography.Text>
                )}
              </>
            ),
            children:
              detail.warnings.length === 0 ? (
                <Typography.Text type="secondary">导入时未发现编号或格式问题</Typography.Text>
              ) : (
                <Table<LawWarning> rowKey={(w) => `${w.file}:${w.line}:${w.code}`} size="small" columns={warningColumns} dataSource={detail.warnings} pagination={false} />
              ),
          },
          {
            key: 'files',
            label: `来源文件（${detail.files.length} 个）`,
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {detail.files.map((f) => (
                  <li key={`${f.piece}:${f.file}`}>
                    {f.file}
                    {f.piece && `（${f.piece}）`}
                    <Typography.Text type="secondary">
                      ：{formatCount(f.articles)} 条，导入于 {formatDateTime(f.importedAt)}，SHA-256 <Typography.Text code>{f.sha256.slice(0, 16)}…</Typography.Text>
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
