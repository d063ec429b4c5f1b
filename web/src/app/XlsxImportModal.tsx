import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError, buildUrl, type ErrorDetail } from '../api/client';
import { formatBytes } from './format';
import { useApiError } from './useApiError';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The servers' import routes take up to 5 MiB (IMPORT_LIMIT of power-list and enforcement). */
const MAX_BYTES = 5 * 1024 * 1024;

export interface XlsxImportProps<R> {
  title: string;
  /** The import route under /api/v1, e.g. '/power-list/import'. */
  path: string;
  /** Where the template is downloaded, under /api/v1. */
  templatePath: string;
  /** What the import does, before the template link; `afterTemplate` follows it. */
  intro: string;
  afterTemplate?: string;
  /** How the refused file's problems are located: by sheet and row, or row and column. */
  problemColumns: TableColumnsType<ErrorDetail>;
  /** The success message for the route's answer. */
  summary: (result: R) => ReactNode;
  onClose: () => void;
  onImported: () => void;
}

/**
 * An all-or-nothing XLSX import: a file with any bad cell imports nothing, and the dialog lists each
 * problem the server named (row, field, code) so the user can fix the file and upload it again.
 */
export function XlsxImportModal<R>(p: XlsxImportProps<R>) {
  const { message } = App.useApp();
  const report = useApiError();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R>();
  const [problems, setProblems] = useState<{ message: string; details: ErrorDetail[] }>();

  async function run() {
    if (!file) {
      void message.warning('请选择要导入的 XLSX 文件');
      return;
    }
    setBusy(true);
    setProblems(undefined);
    try {
      setResult(await api.upload<R>(p.path, file, XLSX_TYPE));
      p.onImported();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setProblems({ message: e.message, details: e.details });
      else report(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={p.title}
      maskClosable={false}
      onCancel={p.onClose}
      footer={
        result !== undefined ? (
          <Button type="primary" onClick={p.onClose}>
            关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={p.onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void run()}>
              开始导入
            </Button>
          </Space>
        )
      }
    >
      {result !== undefined ? (
        p.summary(result)
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {p.intro}；文件中有任何错误则整份不导入。格式见
            <Typography.Link href={buildUrl(p.templatePath)} download>
              导入模板
            </Typography.Link>
            {p.afterTemplate ?? ''}。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            disabled={busy}
            fileList={file ? [{ uid: 'import-file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              if (!/\.xlsx$/i.test(chosen.name)) {
                void message.error(`「${chosen.name}」不是 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再上传`);
                return Upload.LIST_IGNORE;
              }
              if (chosen.size > MAX_BYTES) {
                void message.error(`「${chosen.name}」超过 5 MB，请分批导入`);
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              setProblems(undefined);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <p className="ant-upload-text">
              <InboxOutlined style={{ fontSize: 22, marginInlineEnd: 8, verticalAlign: 'middle' }} />
              点击或将 XLSX 文件拖到此处
            </p>
          </Upload.Dragger>
          {problems && (
            <div style={{ marginTop: 16 }}>
              <Alert type="error" showIcon title={`${problems.message}；请按下表逐项修改后重新上传`} style={{ marginBottom: 8 }} />
              <Table<ErrorDetail>
                rowKey={(d, i) => `${d.field ?? ''}:${d.row ?? ''}:${i ?? 0}`}
                size="small"
                pagination={problems.details.length > 10 ? { pageSize: 10 } : false}
                dataSource={problems.details}
                columns={p.problemColumns}
              />
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
