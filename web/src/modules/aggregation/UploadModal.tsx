import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Radio, Select, Space, theme, Typography, Upload, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Batch, BatchMode, SourceSystem } from '../../api/types';
import { formatBytes } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { BatchOutcome } from './BatchOutcome';
import { batchModeHelp, batchModeLabels } from './labels';
import { useLiveBatch } from './useLiveBatch';

/** The server streams an upload to disk and stops past 2 GiB (batches.routes.ts UPLOAD_LIMIT). */
const MAX_BYTES = 2 * 1024 ** 3;

interface UploadForm {
  library: string;
  source: string;
  mode: BatchMode;
}

function refusal(file: File): string | undefined {
  if (/\.(xls|et|wps|ods)$/i.test(file.name)) return `「${file.name}」是旧版或非 Excel 格式的工作簿：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再上传`;
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > MAX_BYTES) return `「${file.name}」超过 2 GB，请拆分后分批上传`;
  return undefined;
}

/** Sources that hold an obligation for the library first, then the others (a one-off delivery). */
function sourceOptions(sources: SourceSystem[], library: string | undefined): SelectProps['options'] {
  const option = (s: SourceSystem) => ({ value: s.code, label: `${s.name}（${s.code}）` });
  if (!library) return sources.map(option);
  const owning = sources.filter((s) => s.libraries.some((l) => l.libraryId === library));
  const others = sources.filter((s) => !owning.includes(s));
  return [
    ...(owning.length > 0 ? [{ label: '负责该标准库的来源系统', options: owning.map(option) }] : []),
    ...(others.length > 0 ? [{ label: '其他来源系统', options: others.map(option) }] : []),
  ];
}

/**
 * 上传文件归集: a file (CSV, XLSX, JSON, NDJSON; any encoding) into a standard library, from a
 * source system. The server answers at once and imports in the background; the dialog follows it.
 */
export function UploadModal(props: {
  libraries: { value: string; label: string }[];
  sources: SourceSystem[];
  defaultLibrary?: string;
  onClose: () => void;
  /** A batch started, and later one that ended: the list shows both. */
  onChanged: () => void;
}) {
  const { libraries, sources, defaultLibrary, onClose, onChanged } = props;
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const report = useApiError();
  const [form] = Form.useForm<UploadForm>();
  const library = Form.useWatch('library', form);
  const [file, setFile] = useState<File>();
  const [uploading, setUploading] = useState(false);
  const [started, setStarted] = useState<Batch>();
  const batch = useLiveBatch(started, onChanged);

  function chooseLibrary(id: string) {
    const owning = sources.filter((s) => s.libraries.some((l) => l.libraryId === id));
    if (owning.length === 1 && owning[0]) form.setFieldValue('source', owning[0].code);
  }
  // Sources can arrive after the library was picked (a slow network): choose then, if still unset.
  useEffect(() => {
    if (library && !form.getFieldValue('source')) chooseLibrary(library);
  }, [sources]); // only when the sources change, not on every pick of a library

  async function upload() {
    const values = await form.validateFields();
    if (!file) {
      void message.warning('请选择要上传的文件');
      return;
    }
    setUploading(true);
    try {
      const query = { library: values.library, source: values.source, mode: values.mode, fileName: file.name };
      setStarted(await api.upload<Batch>('/aggregation/batches', file, 'application/octet-stream', query));
      onChanged();
    } catch (e) {
      report(e, form);
    } finally {
      setUploading(false);
    }
  }

  function again() {
    setStarted(undefined);
    setFile(undefined);
  }

  const footer = batch ? (
    <Space>
      {batch.status !== 'running' && <Button onClick={again}>继续上传</Button>}
      <Button type="primary" onClick={onClose}>
        {batch.status === 'running' ? '关闭（后台继续导入）' : '关闭'}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" loading={uploading} disabled={sources.length === 0} onClick={() => void upload()}>
        {uploading ? '正在上传…' : '开始导入'}
      </Button>
    </Space>
  );

  return (
    <Modal open title="上传文件归集" width={680} maskClosable={false} onCancel={onClose} footer={footer}>
      {batch && (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{batch.fileName}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              （{formatBytes(batch.fileSize)}）→ {batch.libraryName}，来源：{batch.sourceName}，{batchModeLabels[batch.mode]}
            </Typography.Text>
          </Typography.Paragraph>
          <BatchOutcome batch={batch} />
        </>
      )}
      {/* Kept while a batch is shown, so 继续上传 starts from the same library and source. */}
      <div hidden={Boolean(batch)}>
        <Form<UploadForm> form={form} name="aggregationUpload" layout="vertical" initialValues={{ library: defaultLibrary, mode: 'partial' }}>
          {sources.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="尚未登记来源系统"
              description={
                <>
                  每批数据都要记明来自哪个业务系统。请先在 <Link to="/aggregation/coverage?tab=sources">归集率 › 来源系统</Link> 中登记。
                </>
              }
            />
          )}
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item name="library" label="标准库" style={{ flex: 1 }} rules={[{ required: true, message: '请选择标准库' }]}>
              <Select options={libraries} placeholder="导入到哪个标准库" showSearch={{ optionFilterProp: 'label' }} onChange={chooseLibrary} />
            </Form.Item>
            <Form.Item name="source" label="来源系统" style={{ flex: 1 }} rules={[{ required: true, message: '请选择来源系统' }]}>
              <Select options={sourceOptions(sources, library)} placeholder="数据来自哪个业务系统" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </div>
          <Form.Item name="mode" label="入库方式">
            <Radio.Group
              vertical
              options={(['partial', 'atomic'] as const).map((m) => ({
                value: m,
                label: (
                  <>
                    {batchModeLabels[m]}
                    <Typography.Text type="secondary">：{batchModeHelp[m]}</Typography.Text>
                  </>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item label="文件" required>
            <Upload.Dragger
              accept=".csv,.xlsx,.json,.ndjson,.txt"
              maxCount={1}
              disabled={uploading}
              fileList={file ? [{ uid: 'aggregation-file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                const why = refusal(chosen);
                if (why) {
                  void message.error(why);
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                // Nothing is sent until 开始导入 is pressed.
                return false;
              }}
              onRemove={() => setFile(undefined)}
            >
              <p className="ant-upload-text">
                <InboxOutlined style={{ color: token.colorPrimary, fontSize: 22, marginInlineEnd: 8, verticalAlign: 'middle' }} />
                点击或将文件拖到此处
              </p>
              <p className="ant-upload-hint">CSV、Excel（.xlsx）、JSON 或 NDJSON；UTF-8、GBK 编码均可，表头写标准库的模板表头或常用别名</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
