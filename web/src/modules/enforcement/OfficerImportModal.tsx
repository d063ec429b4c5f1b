import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, buildUrl, type ErrorDetail } from '../../api/client';
import type { OfficerImportResult } from '../../api/types';
import { formatBytes } from '../../app/format';
import { useApiError } from '../../app/useApiError';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server takes up to 5 MiB (enforcement.routes.ts IMPORT_LIMIT). */
const MAX_BYTES = 5 * 1024 * 1024;

/** 导入执法人员 (XLSX): all or nothing — a file with any bad cell imports nothing and lists each problem by row and column. */
export function OfficerImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const report = useApiError();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OfficerImportResult>();
  const [problems, setProblems] = useState<{ message: string; details: ErrorDetail[] }>();

  async function run() {
    if (!file) {
      void message.warning('请选择要导入的 XLSX 文件');
      return;
    }
    setBusy(true);
    setProblems(undefined);
    try {
      setResult(await api.upload<OfficerImportResult>('/enforcement/officers/import', file, XLSX_TYPE));
      onImported();
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
      title="导入执法人员"
      maskClosable={false}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void run()}>
              开始导入
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Alert type="success" showIcon title={`导入完成：新增 ${result.created} 人，更新 ${result.updated} 人，未变化 ${result.unchanged} 人`} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            按执法证号新增或更新执法人员（暂扣、注销请在列表中办理）；文件中有任何错误则整份不导入。格式见
            <Typography.Link href={buildUrl('/enforcement/officers/template')} download>
              导入模板
            </Typography.Link>
            。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            disabled={busy}
            fileList={file ? [{ uid: 'officers-file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }] : []}
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
              <Alert type="error" showIcon title={`${problems.message}：共 ${problems.details.length} 处问题，请修改后重新上传`} style={{ marginBottom: 8 }} />
              <Table<ErrorDetail>
                rowKey={(d, i) => `${d.field ?? ''}:${d.row ?? ''}:${i ?? 0}`}
                size="small"
                pagination={problems.details.length > 10 ? { pageSize: 10 } : false}
                dataSource={problems.details}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', key: 'field', width: 130, render: (_, d) => (d.field ?? '').split('.').at(-1) },
                  { title: '问题', dataIndex: 'message' },
                  { title: '代码', dataIndex: 'code', width: 200, render: (c: string | undefined) => <Typography.Text type="secondary">{c}</Typography.Text> },
                ]}
              />
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
