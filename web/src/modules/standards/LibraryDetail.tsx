import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, List, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { LibraryField, StandardLibrary } from '../../api/types';
import { formatDate } from '../../app/format';
import { useCodeSetNames } from '../dictionary/useCodeSetNames';
import { kindLabel } from './labels';
import { downloadTemplate } from './template';
import { useLibraryDetail } from './useLibraryDetail';

function fieldColumns(codeSetNames: Map<string, string>): TableColumnsType<LibraryField> {
  return [
    {
      title: '模板表头 / 字段标识',
      dataIndex: 'label',
      width: 170,
      render: (_, f) => (
        <>
          <Typography.Text strong>{f.label}</Typography.Text>
          {f.businessKey && (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              业务主键
            </Tag>
          )}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.key}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '数据元 / 类型',
      dataIndex: 'element',
      width: 140,
      render: (_, f) => (
        <>
          <Tooltip title={`数据元标识：${f.element}`}>{f.elementName}</Tooltip>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {kindLabel(f.kind)} · 最长 {f.maxLength} 字
          </Typography.Text>
        </>
      ),
    },
    { title: '必填', dataIndex: 'required', width: 60, render: (_, f) => (f.required ? <Tag color="red">必填</Tag> : <Typography.Text type="secondary">选填</Typography.Text>) },
    {
      title: '代码集',
      dataIndex: 'codeSet',
      width: 100,
      render: (_, f) => {
        if (f.codeSet) return <Tooltip title={f.codeSet}>{codeSetNames.get(f.codeSet) ?? f.codeSet}</Tooltip>;
        if (f.creditCodeTypes) return <Tooltip title="统一社会信用代码第 1–2 位（登记管理部门与机构类别）须为其一">类别 {f.creditCodeTypes.join('、')}</Tooltip>;
        return '—';
      },
    },
    {
      title: '可识别的表头',
      dataIndex: 'headers',
      render: (_, f) => (
        <Space size={[0, 4]} wrap>
          {f.headers.map((h) => (
            <Tag key={h}>{h}</Tag>
          ))}
        </Space>
      ),
    },
  ];
}

/** One standard library: its fields (the import template), business key, cross-field rules and versions. */
export function LibraryDetail({ library }: { library: StandardLibrary }) {
  const codeSetNames = useCodeSetNames();
  const detail = useLibraryDetail(library.id);

  return (
    <Card
      type="inner"
      title={`${library.name}（${library.id}）`}
      style={{ flex: 1, minWidth: 0 }}
      loading={!detail}
      extra={
        <Button icon={<DownloadOutlined />} disabled={!detail} onClick={() => detail && downloadTemplate(detail)}>
          下载导入模板
        </Button>
      }
    >
      {detail && (
        <>
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'description', label: '说明', span: 2, children: detail.description },
              { key: 'basis', label: '依据', span: 2, children: detail.basis },
              { key: 'key', label: '业务主键', children: detail.businessKeyLabels.join(' + ') || '—' },
              { key: 'version', label: '当前版本', children: `第 ${detail.version} 版（${detail.fieldCount} 个字段）` },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            导入文件的表头写“模板表头”或任一“可识别的表头”均可，列的顺序不限；业务主键相同的记录视为同一条，再次导入时更新。
          </Typography.Paragraph>
          <Table<LibraryField>
            rowKey="key"
            size="small"
            columns={fieldColumns(codeSetNames)}
            dataSource={detail.fields}
            pagination={false}
          />
          <div style={{ display: 'flex', gap: 16, marginTop: 16, flexWrap: 'wrap' }}>
            <Card size="small" title="跨字段校验规则" style={{ flex: 1, minWidth: 280 }}>
              {detail.crossRules.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本库没有跨字段规则，每个字段单独校验" />
              ) : (
                <List size="small" dataSource={detail.crossRules} renderItem={(r) => <List.Item>{r.description}</List.Item>} />
              )}
            </Card>
            <Card size="small" title="版本历史" style={{ width: 280 }}>
              <List
                size="small"
                dataSource={[...detail.versions].sort((a, b) => b.version - a.version)}
                renderItem={(v) => (
                  <List.Item>
                    第 {v.version} 版{v.version === detail.version && <Tag color="blue" style={{ marginInlineStart: 6 }}>当前</Tag>}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
                      {formatDate(v.publishedAt)} 发布
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </div>
        </>
      )}
    </Card>
  );
}
