import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, buildUrl, type ErrorDetail } from '../../api/client';
import type { PowerImportResult } from '../../api/types';
import { formatBytes } from '../../app/format';
import { useApiError } from '../../app/useApiError';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server takes up to 5 MiB (power-list.routes.ts IMPORT_LIMIT). */
const MAX_BYTES = 5 * 1024 * 1024;

function list(codes: string[]): string {
  return codes.length > 12 ? `${codes.slice(0, 12).join('、')} 等 ${codes.length} 项` : codes.join('、');
}

/**
 * 导入权责清单 (XLSX, the template's layout): all or nothing — a file with any bad cell imports
 * nothing and lists each problem with its sheet, row and column.
 */
export function XlsxImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const report = useApiError();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PowerImportResult>();
  const [problems, setProblems] = useState<{ message: string; details: ErrorDetail[] }>();

  async function run() {
    if (!file) {
      void message.warning('请选择要导入的 XLSX 文件');
      return;
    }
    setBusy(true);
    setProblems(undefined);
    try {
      const r = await api.upload<PowerImportResult>('/power-list/import', file, XLSX_TYPE);
      setResult(r);
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
      title="导入权责清单"
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
        <Alert
          type="success"
          showIcon
          title={`导入完成：新增 ${result.created.length} 项，更新 ${result.updated.length} 项，未变化 ${result.unchanged.length} 项`}
          description={
            <>
              {result.created.length > 0 && <div>新增：{list(result.created)}</div>}
              {result.updated.length > 0 && <div>更新：{list(result.updated)}</div>}
            </>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            按事项编码新增或替换事项（含法律依据与裁量基准）；文件中有任何错误则整份不导入。格式见
            <Typography.Link href={buildUrl('/power-list/template')} download>
              导入模板
            </Typography.Link>
            ，也可先导出现有清单修改后再导入。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            disabled={busy}
            fileList={file ? [{ uid: 'power-list-file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }] : []}
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
                  { title: '位置', key: 'at', width: 220, render: (_, d) => `${(d.field ?? '').replace('.', ' › ')}${d.row ? `，第 ${d.row} 行` : ''}` },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
