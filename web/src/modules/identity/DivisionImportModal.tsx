import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, theme, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ApiError, type ErrorDetail } from '../../api/client';
import type { DivisionImportSummary } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** The server's limit for one file (orgs.routes.ts); checked here too, so a wrong file is refused at once. */
const MAX_BYTES = 5 * 1024 * 1024;
/** The server lists at most this many problems (divisions.rules.ts MAX_DIVISION_ERRORS). */
const MAX_ERRORS = 100;

const EXAMPLE = ['code,name,parentCode', '320000,江苏省,', '320100,南京市,320000', '320102,玄武区,320100'].join('\n');

/** The column a problem is in, by its Chinese name and as the header spells it, to find it in the sheet. */
const FIELD_LABELS: Record<string, string> = {
  code: '区划代码（code）',
  name: '名称（name）',
  parentCode: '上级区划代码（parentCode）',
  header: '表头',
};

type Outcome = { kind: 'done'; fileName: string; summary: DivisionImportSummary } | { kind: 'invalid'; fileName: string; message: string; details: ErrorDetail[] };

const errorColumns: TableColumnsType<ErrorDetail & { key: number }> = [
  {
    title: '行号',
    dataIndex: 'row',
    width: 90,
    // Row 1 is the header; 0 is the file as a whole (encoding, empty); no row: found while saving.
    render: (_, d) => (d.row === undefined ? '—' : d.row === 0 ? '整个文件' : `第 ${d.row} 行`),
  },
  { title: '字段', dataIndex: 'field', width: 210, render: (_, d) => (d.field === undefined ? '—' : (FIELD_LABELS[d.field] ?? d.field)) },
  { title: '问题', dataIndex: 'message' },
];

function refusal(file: File): string | undefined {
  if (/\.(xlsx?|et|wps|ods)$/i.test(file.name)) return `「${file.name}」是表格工作簿，不是 CSV：请在 Excel 或 WPS 中“另存为” CSV 后再上传`;
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > MAX_BYTES) return `「${file.name}」超过 5 MB，不像行政区划文件（全国的区划约 200 KB）`;
  return undefined;
}

/**
 * 导入行政区划: uploads a GB/T 2260 division CSV as it is (UTF-8 or GBK; the server decodes) and
 * shows either what changed or, row by row, what to fix in the spreadsheet. All or nothing.
 */
export function DivisionImportModal(props: { onClose: () => void; onImported: (summary: DivisionImportSummary) => void }) {
  const { onClose, onImported } = props;
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const report = useApiError();
  const [file, setFile] = useState<File>();
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function upload() {
    if (!file) return;
    setUploading(true);
    try {
      const summary = await api.upload<DivisionImportSummary>('/orgs/import-divisions', file, 'text/csv');
      setOutcome({ kind: 'done', fileName: file.name, summary });
      onImported(summary);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ORG_IMPORT_INVALID') setOutcome({ kind: 'invalid', fileName: file.name, message: e.message, details: e.details });
      else report(e);
    } finally {
      // Chosen again after each attempt: a file corrected on disk since it was chosen can no longer be read.
      setFile(undefined);
      setUploading(false);
    }
  }

  return (
    <Modal
      open
      title="导入行政区划"
      width={760}
      maskClosable={false}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{outcome?.kind === 'done' ? '关闭' : '取消'}</Button>
          <Button type="primary" disabled={!file} loading={uploading} onClick={() => void upload()}>
            导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        按 GB/T 2260 行政区划代码，为每个省、市、县（区）建立或更新对应的司法行政机关（省司法厅，市、县（区）司法局）。已有的机构按区划代码找到，只更新名称，不会重复新建；文件有任何一处错误时不导入任何数据。
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 16, marginBottom: 16 }}>
        <Typography style={{ flex: 1 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>
              CSV 文件，表头为 <Typography.Text code>code,name,parentCode</Typography.Text>（区划代码、名称、上级区划代码）
            </li>
            <li>编码为 UTF-8 或 GBK，Excel、WPS “另存为 CSV” 即可</li>
            <li>省级的上级区划代码留空；上级可以在本文件中，也可以是已导入的区划</li>
            <li>名称中有逗号时，用英文双引号把名称括起来</li>
          </ul>
        </Typography>
        <div style={{ width: 220, flexShrink: 0 }}>
          <Typography.Text type="secondary">示例：</Typography.Text>
          <pre style={{ margin: '4px 0 0', padding: '6px 10px', background: 'rgba(0,0,0,0.04)', borderRadius: 6, fontSize: 13 }}>{EXAMPLE}</pre>
        </div>
      </div>
      <Upload.Dragger
        accept=".csv,text/csv"
        maxCount={1}
        disabled={uploading}
        fileList={file ? [{ uid: 'division-csv', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          const why = refusal(chosen);
          if (why) {
            void message.error(why);
            return Upload.LIST_IGNORE;
          }
          setFile(chosen);
          setOutcome(undefined);
          // Nothing is sent until 导入 is pressed.
          return false;
        }}
        onRemove={() => setFile(undefined)}
      >
        {/* One line, not antd's tall default: the problems table below needs the room. */}
        <p className="ant-upload-text">
          <InboxOutlined style={{ color: token.colorPrimary, fontSize: 22, marginInlineEnd: 8, verticalAlign: 'middle' }} />
          点击或将 CSV 文件拖到此处
        </p>
        <p className="ant-upload-hint">{outcome?.kind === 'invalid' ? '改正后保存文件，再重新选择上传' : '选好文件后按“导入”'}</p>
      </Upload.Dragger>
      {outcome?.kind === 'done' && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={`「${outcome.fileName}」导入完成`}
          description={
            <>
              新建 {outcome.summary.created} / 更名 {outcome.summary.renamed} / 未变 {outcome.summary.unchanged}
              {outcome.summary.created > 0 && '；新建的机构已在左侧机构树中展开'}
            </>
          }
        />
      )}
      {outcome?.kind === 'invalid' && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={`「${outcome.fileName}」：${outcome.message}`}
            description={
              outcome.details.length >= MAX_ERRORS
                ? `问题过多，下面只列出前 ${MAX_ERRORS} 处，请先检查是否选错了文件。`
                : `共 ${outcome.details.length} 处问题，请在表格中按行号改正后重新上传（第 1 行是表头）。`
            }
          />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            columns={errorColumns}
            dataSource={outcome.details.map((d, i) => ({ ...d, key: i }))}
            pagination={false}
            scroll={{ y: 260 }}
          />
        </div>
      )}
    </Modal>
  );
}
