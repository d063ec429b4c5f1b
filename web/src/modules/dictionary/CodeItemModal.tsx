import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { api } from '../../api/client';
import type { CodeItem } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 新增代码项 (no `item`) or 编辑代码项 of one code set. */
export function CodeItemModal(props: { setCode: string; item?: CodeItem; nextSort: number; onClose: () => void; onSaved: () => void }) {
  const { setCode, item, nextSort, onClose, onSaved } = props;
  const [form] = Form.useForm<CodeItem>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const values = await form.validateFields();
    try {
      if (item) {
        const { code: _code, ...changes } = values;
        await api.patch(`/code-sets/${setCode}/items/${encodeURIComponent(item.code)}`, changes);
      } else {
        await api.post(`/code-sets/${setCode}/items`, values);
      }
      void message.success(`已保存代码项「${values.label}」`);
      onSaved();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title={item ? `编辑代码项：${item.code}` : '新增代码项'} okText="保存" onOk={() => void save()} onCancel={onClose}>
      <Form form={form} name="codeItem" layout="vertical" initialValues={item ?? { enabled: true, sort: nextSort }}>
        <Form.Item
          name="code"
          label="代码"
          rules={[
            { required: true, message: '请输入代码' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, message: '代码须为 1–40 位字母、数字、下划线、点或连字符，以字母或数字开头' },
          ]}
        >
          <Input disabled={Boolean(item)} />
        </Form.Item>
        <Form.Item name="label" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
