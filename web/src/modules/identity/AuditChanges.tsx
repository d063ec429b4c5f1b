import { Descriptions, Table } from 'antd';
import { auditFieldLabels } from './labels';

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const ORG_FIELDS = new Set(['orgId', 'parentId']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The server writes `{ field: [before, after] }` for updates and a plain summary for creations. */
function fieldChanges(changes: Record<string, unknown>): FieldChange[] | undefined {
  const entries = Object.entries(changes);
  if (entries.length === 0 || !entries.every(([, v]) => Array.isArray(v) && v.length === 2)) return undefined;
  return entries.map(([field, v]) => ({ field, before: (v as unknown[])[0], after: (v as unknown[])[1] }));
}

const fieldLabel = (field: string) => (auditFieldLabels[field] ? `${auditFieldLabels[field]}（${field}）` : field);

/** The 变更 of one audit event: before/after per field, a field list for summaries, raw JSON otherwise. */
export function AuditChanges({ changes, orgName }: { changes: unknown; orgName: (id: number) => string | undefined }) {
  const show = (field: string, value: unknown): string => {
    if (value === undefined || value === null) return '—';
    if (ORG_FIELDS.has(field) && typeof value === 'number') return orgName(value) ? `${orgName(value)}（${value}）` : String(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  if (!isRecord(changes)) return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(changes, null, 2)}</pre>;
  const rows = fieldChanges(changes);
  if (!rows) {
    return (
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 240 } }}
        items={Object.entries(changes).map(([field, value]) => ({ key: field, label: fieldLabel(field), children: show(field, value) }))}
      />
    );
  }
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '字段', dataIndex: 'field', width: 240, render: (_, r) => fieldLabel(r.field) },
        { title: '变更前', dataIndex: 'before', render: (_, r) => <span style={{ color: '#cf1322' }}>{show(r.field, r.before)}</span> },
        { title: '变更后', dataIndex: 'after', render: (_, r) => <span style={{ color: '#389e0d' }}>{show(r.field, r.after)}</span> },
      ]}
    />
  );
}
