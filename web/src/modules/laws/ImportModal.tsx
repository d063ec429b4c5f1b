import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Form, List, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { LawImported } from '../../api/types';
import { formatBytes, formatCount } from '../../app/format';
import { lawHref } from './ids';
import { importFolderOptions, warningCodeLabels } from './labels';

/** The server takes up to 20 MiB per file (laws.routes.ts UPLOAD_LIMIT). */
const MAX_BYTES = 20 * 1024 * 1024;

type Outcome = { state: 'waiting' } | { state: 'uploading' } | { state: 'done'; laws: LawImported[] } | { state: 'failed'; message: string };

interface Row {
  uid: string;
  file: File;
  outcome: Outcome;
}

function refusal(file: File): string | undefined {
  if (!/\.(md|txt)$/i.test(file.name)) return `「${file.name}」不是 .md 或 .txt 文件：Word、PDF 请先另存为纯文本`;
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > MAX_BYTES) return `「${file.name}」超过 20 MB`;
  return undefined;
}

function failure(e: unknown): string {
  if (!(e instanceof ApiError)) return '上传失败，请稍后再试';
  return [e.message, ...e.details.map((d) => d.message)].join('；');
}

function counts(l: LawImported): string {
  const parts = [`${formatCount(l.articles)} 条`];
  if (l.parts > 0) parts.unshift(`${l.parts} 编`);
  if (l.chapters > 0) parts.push(`${l.chapters} 章`);
  if (l.sections > 0) parts.push(`${l.sections} 节`);
  return parts.join('、');
}

function OutcomeCell({ outcome }: { outcome: Outcome }) {
  switch (outcome.state) {
    case 'waiting':
      return <Tag>等待上传</Tag>;
    case 'uploading':
      return <Tag color="processing">正在导入…</Tag>;
    case 'failed':
      return (
        <Space orientation="vertical" size={2}>
          <Tag color="error">未导入</Tag>
          <Typography.Text type="danger">{outcome.message}</Typography.Text>
        </Space>
      );
    case 'done':
      return (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {outcome.laws.map((l) => (
            <div key={`${l.lawId}:${l.piece}`}>
              <Space wrap size={6}>
                <Tag color={l.unchanged ? 'default' : l.warnings.length > 0 ? 'warning' : 'success'}>{l.unchanged ? '内容未变，未重复导入' : l.warnings.length > 0 ? '已导入，有警告' : '已导入'}</Tag>
                <Link to={lawHref(l.lawId)}>
                  {l.title}（{l.lawId.split('/')[1] ?? ''}）
                </Link>
                <Typography.Text type="secondary">{counts(l)}</Typography.Text>
              </Space>
              {l.warnings.length > 0 && (
                <List
                  size="small"
                  style={{ marginTop: 4 }}
                  dataSource={l.warnings}
                  renderItem={(w) => (
                    <List.Item style={{ padding: '2px 0' }}>
                      <Typography.Text type="warning">
                        {w.line > 0 ? `第 ${w.line} 行` : '整个文件'}·{warningCodeLabels[w.code] ?? w.code}：
                      </Typography.Text>
                      {w.message}
                    </List.Item>
                  )}
                />
              )}
            </div>
          ))}
        </Space>
      );
  }
}

/**
 * 导入法规: one or more law texts (Markdown or plain text, UTF-8 or GBK), each uploaded on its own,
 * with what the importer made of it: the structure it counted and any warnings, line by line.
 * The folder stands for the category a file sits in, from which the level is read when the text
 * does not state it.
 */
export function ImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [folder, setFolder] = useState<string>();
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const started = rows.some((r) => r.outcome.state !== 'waiting');
  const waiting = rows.filter((r) => r.outcome.state === 'waiting').length;
  const failed = rows.filter((r) => r.outcome.state === 'failed').length;

  const set = (uid: string, outcome: Outcome) => setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, outcome } : r)));

  async function run() {
    const todo = rows.filter((r) => r.outcome.state === 'waiting' || r.outcome.state === 'failed');
    if (todo.length === 0) {
      void message.warning('请选择要导入的法规文件');
      return;
    }
    setRunning(true);
    let imported = 0;
    // One at a time: each import runs in one transaction on the server, and the report follows the files' order.
    for (const r of todo) {
      set(r.uid, { state: 'uploading' });
      try {
        const type = /\.md$/i.test(r.file.name) ? 'text/markdown' : 'text/plain';
        const res = await api.upload<{ items: LawImported[] }>('/laws/import', r.file, type, { filename: r.file.name, folder });
        set(r.uid, { state: 'done', laws: res.items });
        imported++;
      } catch (e) {
        set(r.uid, { state: 'failed', message: failure(e) });
      }
    }
    setRunning(false);
    if (imported > 0) onImported();
  }

  return (
    <Modal
      open
      title="导入法规"
      width={860}
      maskClosable={false}
      onCancel={running ? undefined : onClose}
      closable={!running}
      footer={
        <Space>
          <Button type={started && waiting + failed === 0 && !running ? 'primary' : 'default'} onClick={onClose} disabled={running}>
            {started ? '关闭' : '取消'}
          </Button>
          {(running || rows.length === 0 || waiting + failed > 0) && (
            <Button type="primary" loading={running} onClick={() => void run()}>
              {running ? '正在导入…' : waiting === 0 && failed > 0 ? '重试未导入的文件' : '开始导入'}
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="vertical">
        <Form.Item
          label="所属分类"
          htmlFor="lawFolder"
          extra="文本中看不出效力层级时（如行政法规、地方性法规），按所选分类确定；法律、司法解释从标题即可识别，可不选"
        >
          <Select id="lawFolder" allowClear placeholder="不选：按文本判断" options={importFolderOptions} value={folder} onChange={setFolder} disabled={running} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item label="法规文件" required>
          <Upload.Dragger
            multiple
            accept=".md,.txt"
            showUploadList={false}
            disabled={running}
            beforeUpload={(file) => {
              const why = refusal(file);
              if (why) {
                void message.error(why);
                return Upload.LIST_IGNORE;
              }
              // Every file of a multiple pick comes through here: add this one, keep the others.
              setRows((rs) => (rs.some((r) => r.file.name === file.name && r.file.size === file.size) ? rs : [...rs, { uid: file.uid, file, outcome: { state: 'waiting' } }]));
              return false;
            }}
          >
            <p className="ant-upload-text">
              <InboxOutlined style={{ fontSize: 22, marginInlineEnd: 8, verticalAlign: 'middle' }} />
              点击或将文件拖到此处，可一次选择多个
            </p>
            <p className="ant-upload-hint">Markdown（.md）或纯文本（.txt），UTF-8、GBK 编码均可；文件名宜含版本日期，如 行政处罚法(2021-01-22).md</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {rows.length > 0 && (
        <Table<Row>
          rowKey="uid"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ y: 360 }}
          columns={[
            {
              title: '文件',
              key: 'file',
              width: 260,
              render: (_, r) => (
                <>
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{r.file.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBytes(r.file.size)}
                  </Typography.Text>
                </>
              ),
            },
            { title: '导入结果', key: 'outcome', render: (_, r) => <OutcomeCell outcome={r.outcome} /> },
            {
              title: '',
              key: 'remove',
              width: 64,
              render: (_, r) =>
                r.outcome.state === 'waiting' && !running ? (
                  <Button type="link" size="small" onClick={() => setRows((rs) => rs.filter((x) => x.uid !== r.uid))}>
                    移除
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Modal>
  );
}
