import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { api } from '../../api/client';
import type { SourceCreateBody, SourceObligation, SourceSystem } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { cycleOptions } from './labels';

interface SourceForm {
  code: string;
  name: string;
  description?: string;
  libraries: { libraryId?: string; cycle?: SourceObligation['cycle']; expectedRecords?: number | null }[];
}

/**
 * 登记来源系统 (no `source`) or 编辑 one: the business system a batch comes from, and its
 * obligations — which standard libraries it delivers, how often, and how many records to expect.
 */
export function SourceModal(props: { source?: SourceSystem; libraries: { value: string; label: string }[]; onClose: () => void; onSaved: (s: SourceSystem) => void }) {
  const { source, libraries, onClose, onSaved } = props;
  const [form] = Form.useForm<SourceForm>();
  const { message } = App.useApp();
  const report = useApiError();

  const initialValues: SourceForm = source
    ? { code: source.code, name: source.name, description: source.description, libraries: source.libraries }
    : { code: '', name: '', libraries: [{ cycle: 'daily' }] };

  async function save() {
    const values = await form.validateFields();
    const obligations = values.libraries.map((l) => ({ libraryId: l.libraryId ?? '', cycle: l.cycle ?? 'daily', expectedRecords: l.expectedRecords ?? null }));
    const description = values.description?.trim() ?? '';
    try {
      let saved: SourceSystem;
      if (source) {
        saved = await api.patch<SourceSystem>(`/aggregation/sources/${source.id}`, { name: values.name.trim(), description, libraries: obligations });
      } else {
        const body: SourceCreateBody = { code: values.code.trim(), name: values.name.trim(), description, libraries: obligations };
        saved = await api.post<SourceSystem>('/aggregation/sources', body);
      }
      void message.success(source ? `已保存来源系统「${saved.name}」` : `已登记来源系统「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open width={720} title={source ? `编辑来源系统：${source.name}` : '登记来源系统'} okText="保存" onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Form<SourceForm> form={form} name="source" layout="vertical" initialValues={initialValues}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="code"
            label="编码"
            style={{ width: 240 }}
            extra="登记后不能修改；上传与接口推送时用它指明来源"
            rules={[
              { required: true, message: '请输入编码' },
              { pattern: /^[a-z0-9][a-z0-9_-]{1,39}$/, message: '编码须为 2–40 位小写字母、数字、下划线或连字符，如 xihu-lawyer' },
            ]}
          >
            <Input disabled={Boolean(source)} placeholder="如 xihu-lawyer" maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label="名称" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 100 }]}>
            <Input placeholder="如 西湖区律师管理系统" maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="description" label="说明" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} placeholder="选填：承建单位、联系人、数据范围等" maxLength={500} />
        </Form.Item>
        <Typography.Text strong>归集责任</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
          该系统负责向哪些标准库提供数据、多久更新一次、应有多少条记录；超过一个更新周期未归集的会在归集率中标为“超期未归集”。
        </Typography.Paragraph>
        <Form.List name="libraries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[field.name, 'libraryId']}
                    style={{ flex: 1 }}
                    rules={[
                      { required: true, message: '请选择标准库' },
                      ({ getFieldValue }) => ({
                        validator: (_, value?: string) => {
                          const all = (getFieldValue('libraries') as SourceForm['libraries']).filter((l) => l.libraryId && l.libraryId === value);
                          return all.length > 1 ? Promise.reject(new Error('该标准库已在上面列出')) : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <Select options={libraries} placeholder="标准库" showSearch={{ optionFilterProp: 'label' }} aria-label="标准库" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'cycle']} style={{ width: 120 }} rules={[{ required: true, message: '请选择更新周期' }]}>
                    <Select options={cycleOptions} placeholder="更新周期" aria-label="更新周期" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'expectedRecords']} style={{ width: 190 }}>
                    <InputNumber min={0} max={1_000_000_000} precision={0} placeholder="应归集记录数（选填）" style={{ width: '100%' }} aria-label="应归集记录数" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ cycle: 'daily' })}>
                添加归集责任
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
