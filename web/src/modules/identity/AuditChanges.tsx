import { Descriptions, Table } from 'antd';

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The server writes `{ field: [before, after] }` for updates and a plain summary for creations. */
function fieldChanges(changes: Record<string, unknown>): FieldChange[] | undefined {
  const entries = Object.entries(changes);
  if (entries.length === 0 || !entries.every(([, v]) => Array.isArray(v) && v.length === 2)) return undefined;
  return entries.map(([field, v]) => ({ field, before: (v as unknown[])[0], after: (v as unknown[])[1] }));
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The 变更 of one audit event: before/after per field, a field list for summaries, raw JSON otherwise. */
export function AuditChanges({ changes }: { changes: unknown }) {
  if (!isRecord(changes)) return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(changes, null, 2)}</pre>;
  const rows = fieldChanges(changes);
  if (!rows) {
    return (
      <Descriptions
        size="small"
        bordered
        column={1}
        items={Object.entries(changes).map(([field, value]) => ({ key: field, label: field, children: <code>{show(value)}</code> }))}
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
        { title: '字段', dataIndex: 'field', width: 180 },
        { title: '变更前', dataIndex: 'before', render: (_, r) => <code style={{ color: '#cf1322' }}>{show(r.before)}</code> },
        { title: '变更后', dataIndex: 'after', render: (_, r) => <code style={{ color: '#389e0d' }}>{show(r.after)}</code> },
      ]}
    />
  );
}
