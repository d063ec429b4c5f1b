import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { PowerItem, PowerItemBody } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { useCodeOptions } from '../dictionary/useCodeOptions';
import { BasisPicker } from './BasisPicker';
import { basisRoleOptions, benchmarkLevelOptions, itemKindOptions } from './labels';

type OrgTypeCode = NonNullable<PowerItemBody['orgTypes']>[number];

type ItemForm = Required<Pick<PowerItemBody, 'code' | 'name' | 'kind'>> & {
  orgTypes: OrgTypeCode[];
  description?: string;
  bases: { elementId?: string; role: 'basis' | 'penalty' }[];
  benchmarks: NonNullable<PowerItemBody['benchmarks']>;
};

function initialOf(item: PowerItem | undefined): Partial<ItemForm> {
  if (!item) return { orgTypes: [], bases: [{ role: 'basis' }], benchmarks: [] };
  return {
    code: item.code,
    name: item.name,
    kind: item.kind,
    orgTypes: item.orgTypes as OrgTypeCode[],
    description: item.description,
    bases: item.bases.map((b) => ({ elementId: b.elementId, role: b.role })),
    benchmarks: item.benchmarks.map((t) => ({ level: t.level, circumstances: t.circumstances, penalties: t.penalties, amountMin: t.amountMin, amountMax: t.amountMax, note: t.note })),
  };
}

/** `body.bases.0.elementId` → ['bases', 0, 'elementId']: the form field a server detail is about. */
function pathOf(field: string): (string | number)[] {
  return field
    .split(/[./]/)
    .filter((p) => p !== '' && p !== 'body')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each rule the server found broken (POWER_BASIS_UNKNOWN, POWER_TIER_ORDER…) under its field,
 * down to a basis row or a tier's amount; what names no field goes to the toast.
 */
function useItemErrors() {
  const { message } = App.useApp();
  const report = useApiError();
  // The form's names are typed per path; a path from the server is checked against the fields it has instead.
  return (e: unknown, form: FormInstance) => {
    if (!(e instanceof ApiError) || e.status === 401) return report(e);
    const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const rest: string[] = [];
    for (const d of e.details) {
      const name = d.field ? pathOf(d.field) : [];
      const key = name.join('.');
      if (known.has(key)) byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), d.message] });
      else rest.push(d.message);
    }
    form.setFields([...byField.values()]);
    void message.error([e.message, ...rest].join('；'));
  };
}

/** 新增 / 编辑执法事项: its facts, its legal bases picked from the library, and its 裁量基准 tiers. */
export function ItemFormModal({ item, onClose, onSaved }: { item?: PowerItem; onClose: () => void; onSaved: (item: PowerItem) => void }) {
  const [form] = Form.useForm<ItemForm>();
  const { message } = App.useApp();
  const showErrors = useItemErrors();
  const orgTypes = useCodeOptions('org_type');
  const penalties = useCodeOptions('penalty_type');
  const [saving, setSaving] = useState(false);

  async function save() {
    const v = await form.validateFields();
    // The server checks the tiers lightest first and names a broken one by that position: keep the form in the same order.
    const severity = (l: string | undefined) => benchmarkLevelOptions.findIndex((o) => o.value === l);
    const tiers = [...v.benchmarks].sort((a, b) => severity(a.level) - severity(b.level));
    form.setFieldValue('benchmarks', tiers);
    const body: PowerItemBody = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      orgTypes: v.orgTypes,
      description: v.description?.trim() ?? '',
      bases: v.bases.filter((b) => b.elementId).map((b) => ({ elementId: b.elementId ?? '', role: b.role })),
      benchmarks: tiers.map((t) => ({ ...t, circumstances: t.circumstances?.trim() ?? '', note: t.note?.trim() ?? '', amountMin: t.amountMin ?? null, amountMax: t.amountMax ?? null })),
    };
    setSaving(true);
    try {
      const saved = item ? await api.put<PowerItem>(`/power-list/items/${item.id}`, body) : await api.post<PowerItem>('/power-list/items', body);
      void message.success(item ? `已保存执法事项 ${saved.code}` : `已新增执法事项 ${saved.code}`);
      onSaved(saved);
    } catch (e) {
      showErrors(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={1000}
      title={item ? `编辑执法事项：${item.code}` : '新增执法事项'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      maskClosable={false}
      onOk={() => void save()}
      onCancel={onClose}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      <Form<ItemForm> form={form} name="powerItem" layout="vertical" initialValues={initialOf(item)}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="code" label="事项编码" style={{ width: 200 }} rules={[{ required: true, message: '请输入事项编码' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, message: '字母、数字或连字符，至多 40 位' }]}>
            <Input placeholder="如 SF-LS-101" maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label="事项名称" style={{ flex: 1 }} rules={[{ required: true, message: '请输入事项名称' }, { max: 200 }]}>
            <Input placeholder="如 对律师以不正当手段承揽业务的处罚" maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label="事项类别" style={{ width: 140 }} rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={itemKindOptions} placeholder="选择" />
          </Form.Item>
        </div>
        <Form.Item name="orgTypes" label="实施主体" extra="行政处罚事项须指定实施主体（行政处罚法第三十八条）">
          <Select mode="multiple" options={orgTypes} placeholder="选择行使该职权的机构类型" optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="description" label="说明" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} placeholder="选填：事项的具体情形、办理要求" />
        </Form.Item>

        <Typography.Title level={5}>法律依据</Typography.Title>
        <Form.List name="bases">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[f.name, 'role']} style={{ width: 120, marginBottom: 12 }}>
                    <Select options={basisRoleOptions} aria-label="依据类型" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'elementId']} style={{ flex: 1, minWidth: 0, marginBottom: 12 }} rules={[{ required: true, message: '请选择条文，或删除此行' }]}>
                    <BasisPicker />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除此依据" onClick={() => remove(f.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'basis' })} style={{ marginBottom: 16 }}>
                添加依据
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>
          裁量基准
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
            阶次由轻到重，罚款以元为单位；按倍数计罚的，金额留空并在说明中写明
          </Typography.Text>
        </Typography.Title>
        <Form.List name="benchmarks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12 }}>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <Form.Item name={[f.name, 'level']} label="阶次" style={{ width: 100 }} rules={[{ required: true, message: '请选择' }]}>
                      <Select options={benchmarkLevelOptions} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'penalties']} label="处罚种类" style={{ flex: 1, minWidth: 0 }}>
                      <Select mode="multiple" options={penalties} placeholder="不选：不予处罚" optionFilterProp="label" />
                    </Form.Item>
                    <Form.Item label="罚款（元）" style={{ width: 260 }}>
                      <Space.Compact>
                        <Form.Item name={[f.name, 'amountMin']} noStyle>
                          <InputNumber min={0} precision={0} placeholder="下限" style={{ width: 115 }} aria-label="罚款下限" />
                        </Form.Item>
                        <Form.Item name={[f.name, 'amountMax']} noStyle>
                          <InputNumber min={0} precision={0} placeholder="上限" style={{ width: 115 }} aria-label="罚款上限" />
                        </Form.Item>
                      </Space.Compact>
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label="删除此阶次" onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                  </div>
                  <div style={{ display: 'flex', gap: 8 }}>
                    <Form.Item name={[f.name, 'circumstances']} label="情形" style={{ flex: 2 }}>
                      <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="如 初次违法，未造成危害后果并及时改正" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} label="说明" style={{ flex: 1 }}>
                      <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="选填" />
                    </Form.Item>
                  </div>
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= benchmarkLevelOptions.length}
                onClick={() => add({ level: benchmarkLevelOptions[fields.length]?.value, penalties: [], circumstances: '', note: '', amountMin: null, amountMax: null })}
              >
                添加阶次
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
