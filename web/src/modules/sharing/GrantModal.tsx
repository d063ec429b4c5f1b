import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { GrantBody } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { FieldPicker } from './FieldPicker';
import { algLabels } from './labels';
import type { SharingRefs } from './useSharingRefs';

interface GrantForm {
  consumerId?: number;
  resourceCode?: string;
  fields: string[];
  plainFields: string[];
  purpose: string;
  legalBasis?: string;
  ratePerSecond: number;
  quotaPerDay: number;
  expiresAt: Dayjs;
}

/** 直接授权: the administrator's shortcut past demand and approval (recorded in the audit log as such). */
export function GrantModal(props: { refs: SharingRefs; consumerId?: number; onClose: () => void; onSaved: (grantId: number) => void }) {
  const { refs, consumerId, onClose, onSaved } = props;
  const [form] = Form.useForm<GrantForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const code = Form.useWatch('resourceCode', form);
  const chosen = Form.useWatch('fields', form) ?? [];
  const resource = code ? refs.resourceByCode.get(code) : undefined;
  const masked = (resource?.fields ?? []).filter((f) => f.masked && chosen.includes(f.id));

  async function save() {
    const v = await form.validateFields();
    const body: GrantBody = {
      consumerId: v.consumerId ?? 0,
      resourceCode: v.resourceCode ?? '',
      fields: v.fields,
      plainFields: v.plainFields.filter((f) => v.fields.includes(f)),
      purpose: v.purpose.trim(),
      legalBasis: v.legalBasis?.trim() ?? '',
      ratePerSecond: v.ratePerSecond,
      quotaPerDay: v.quotaPerDay,
      expiresAt: v.expiresAt.endOf('day').toISOString(),
    };
    try {
      const { grantId } = await api.post<{ grantId: number }>('/sharing/grants', body);
      void message.success(`已生成授权 #${grantId}`);
      onSaved(grantId);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open width={720} title="直接授权" okText="授权" onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="直接授权不经申请与审批，仅用于本单位提供的资源由管理员代办；授权会记入审计日志。一般情况请由调用方提出申请。" />
      <Form<GrantForm>
        form={form}
        name="shareGrant"
        layout="vertical"
        initialValues={{ consumerId, fields: [], plainFields: [], ratePerSecond: 10, quotaPerDay: 10_000, expiresAt: dayjs().add(1, 'year') }}
      >
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="consumerId" label="调用方" style={{ flex: 1 }} rules={[{ required: true, message: '请选择调用方' }]}>
            <Select
              placeholder="选择调用方"
              options={refs.consumers.filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: `${c.name}（${algLabels[c.alg]}）` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item name="resourceCode" label="资源" style={{ flex: 1 }} rules={[{ required: true, message: '请选择资源' }]}>
            <Select
              placeholder="选择资源"
              // Only the resources my unit provides: granting others' is for their owner to decide.
              options={refs.resources.filter((r) => r.sharingType !== 'none' && refs.inScope(r.ownerOrgId)).map((r) => ({ value: r.code, label: r.name }))}
              notFoundContent="本单位没有提供可共享的资源"
              showSearch={{ optionFilterProp: 'label' }}
              onChange={() => form.setFieldsValue({ fields: [], plainFields: [] })}
            />
          </Form.Item>
        </div>
        <Form.Item name="fields" label="授权的信息项" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个信息项' }]}>
          <FieldPicker fields={resource?.fields ?? []} emptyText="请先选择资源" />
        </Form.Item>
        <Form.Item name="plainFields" label="授权明文的信息项" extra={masked.length === 0 ? '所选信息项均无需脱敏' : '未勾选的按脱敏返回'}>
          <Checkbox.Group options={masked.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请写明用途' }, { max: 200 }]}>
          <Input maxLength={200} placeholder="如 核实诉讼代理人律师执业身份" />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律依据" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如 民事诉讼法 第六十一条" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="ratePerSecond" label="限流" rules={[{ required: true, message: '请输入限流' }]}>
            <InputNumber min={1} max={10_000} precision={0} suffix="次/秒" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="quotaPerDay" label="日配额" rules={[{ required: true, message: '请输入日配额' }]}>
            <InputNumber min={1} max={100_000_000} precision={0} suffix="次/日" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="expiresAt" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 180 }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
