import { App, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { ShareResource, ShareResourceBody, ShareResourceCreateBody, SharingType, StandardLibraryDetail } from '../../api/types';
import { useSessionUser } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';
import { useLibraries } from '../standards/useLibraries';
import { cycleOptions, openTypeTags, sharingTypeHelp, sharingTypeTags } from './labels';
import { useGet } from '../../api/useGet';
import type { SharingRefs } from './useSharingRefs';

interface ResourceForm {
  code: string;
  name: string;
  libraryId?: string;
  fields: string[];
  lookupKeys: string[];
  updateCycle: ShareResourceBody['updateCycle'];
  sharingType: SharingType;
  sharingBasis?: string;
  openType: ShareResourceBody['openType'];
  /** undefined while editing a resource whose owner is outside the user's scope: kept as it is. */
  ownerOrgId?: number | null;
  description?: string;
}

/**
 * 登记资源 (no `resource`) or 编辑 one: a resource over a standard library — which of its fields
 * it offers, which may be looked up by, and on what terms it is shared and opened.
 */
export function ResourceModal(props: { resource?: ShareResource; refs: SharingRefs; onClose: () => void; onSaved: (r: ShareResource) => void }) {
  const { resource, refs, onClose, onSaved } = props;
  const [form] = Form.useForm<ResourceForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const user = useSessionUser();
  const libraries = useLibraries();
  const libraryId = Form.useWatch('libraryId', form) ?? resource?.libraryId;
  const chosen = Form.useWatch('fields', form) ?? [];
  const sharingType = Form.useWatch('sharingType', form) ?? resource?.sharingType;
  const { data: library } = useGet<StandardLibraryDetail>(libraryId ? `/standard-libraries/${encodeURIComponent(libraryId)}` : undefined);
  const ownerHidden = resource !== undefined && resource.ownerOrgId !== null && !refs.inScope(resource.ownerOrgId);

  // Lookup keys must be among the offered fields: drop those no longer offered.
  useEffect(() => {
    const keys = form.getFieldValue('lookupKeys') as string[] | undefined;
    if (keys && keys.some((k) => !chosen.includes(k))) form.setFieldValue('lookupKeys', keys.filter((k) => chosen.includes(k)));
  }, [chosen, form]);

  const initialValues: Partial<ResourceForm> = resource
    ? {
        code: resource.code,
        name: resource.name,
        libraryId: resource.libraryId,
        fields: resource.fields.map((f) => f.id),
        lookupKeys: [...new Set(resource.lookupKeys)],
        updateCycle: resource.updateCycle as ResourceForm['updateCycle'],
        sharingType: resource.sharingType,
        sharingBasis: resource.sharingBasis,
        openType: resource.openType,
        ownerOrgId: ownerHidden ? undefined : resource.ownerOrgId,
        description: resource.description,
      }
    : { fields: [], lookupKeys: [], updateCycle: 'daily', sharingType: 'conditional', openType: 'closed', ownerOrgId: user.orgId };

  const fieldOptions = (library?.fields ?? []).map((f) => ({ value: f.key, label: f.elementName || f.label }));

  async function save() {
    const v = await form.validateFields();
    const body: ShareResourceBody = {
      name: v.name.trim(),
      libraryId: v.libraryId ?? '',
      ownerOrgId: v.ownerOrgId === undefined ? (resource?.ownerOrgId ?? null) : v.ownerOrgId,
      fields: v.fields,
      lookupKeys: v.lookupKeys,
      updateCycle: v.updateCycle,
      sharingType: v.sharingType,
      sharingBasis: v.sharingBasis?.trim() ?? '',
      openType: v.openType,
      description: v.description?.trim() ?? '',
    };
    try {
      const saved = resource
        ? await api.put<ShareResource>(`/sharing/resources/${encodeURIComponent(resource.code)}`, body)
        : await api.post<ShareResource>('/sharing/resources', { ...body, code: v.code.trim() } satisfies ShareResourceCreateBody);
      void message.success(resource ? `已保存「${saved.name}」` : `已登记资源「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open width={760} title={resource ? `编辑共享资源：${resource.name}` : '登记共享资源'} okText="保存" onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Form<ResourceForm> form={form} name="shareResource" layout="vertical" initialValues={initialValues}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="code"
            label="资源编码"
            style={{ width: 220 }}
            extra={resource ? '编码不能修改' : '调用接口时用它指明资源'}
            rules={[
              { required: true, message: '请输入资源编码' },
              { pattern: /^[a-z][a-z0-9-]{1,39}$/, message: '编码须为小写字母开头的字母、数字或连字符，2–40 位' },
            ]}
          >
            <Input disabled={Boolean(resource)} placeholder="如 lawyer-brief" maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label="资源名称" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请输入资源名称' }, { max: 100 }]}>
            <Input placeholder="如 律师执业信息" maxLength={100} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="libraryId" label="标准库" style={{ flex: 1 }} rules={[{ required: true, message: '请选择标准库' }]} extra={resource ? '资源所依托的标准库不能更换' : undefined}>
            <Select
              disabled={Boolean(resource)}
              placeholder="资源的数据来自哪个标准库"
              options={libraries.options}
              loading={libraries.loading}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={() => form.setFieldsValue({ fields: [], lookupKeys: [] })}
            />
          </Form.Item>
          <Form.Item name="updateCycle" label="更新周期" style={{ width: 160 }} rules={[{ required: true }]}>
            <Select options={cycleOptions} />
          </Form.Item>
        </div>
        <Form.Item
          label={
            <Space>
              提供的信息项
              {fieldOptions.length > 0 && (
                <Button size="small" type="link" onClick={() => form.setFieldValue('fields', fieldOptions.map((o) => o.value))}>
                  全选
                </Button>
              )}
            </Space>
          }
          required
        >
          <Form.Item name="fields" noStyle rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个信息项' }]}>
            <Checkbox.Group options={fieldOptions} style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', rowGap: 4 }} />
          </Form.Item>
          {!libraryId && <Typography.Text type="secondary">请先选择标准库</Typography.Text>}
        </Form.Item>
        <Form.Item name="lookupKeys" label="查询条件" extra="调用方按哪些信息项查询，如 执业证号、公民身份号码；须在提供的信息项之内">
          <Select mode="multiple" placeholder="选择查询条件" options={fieldOptions.filter((o) => chosen.includes(o.value))} />
        </Form.Item>
        <Form.Item name="sharingType" label="共享类型" rules={[{ required: true }]} extra={sharingType ? sharingTypeHelp[sharingType] : undefined}>
          <Radio.Group options={(Object.keys(sharingTypeTags) as SharingType[]).map((t) => ({ value: t, label: sharingTypeTags[t].label }))} />
        </Form.Item>
        <Form.Item
          name="sharingBasis"
          label={sharingType === 'none' ? '不予共享的依据' : '共享依据'}
          rules={[{ required: sharingType !== 'unconditional', whitespace: true, message: '有条件共享或不予共享的资源须写明法律、法规或政策依据' }, { max: 500 }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={sharingType === 'unconditional' ? '选填' : '如 个人信息保护法 第十三条第一款第（三）项、第三十四条'} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="openType" label="开放类型" style={{ flex: 1 }} rules={[{ required: true }]}>
            <Radio.Group options={(Object.keys(openTypeTags) as ShareResourceBody['openType'][]).map((t) => ({ value: t, label: openTypeTags[t].label }))} />
          </Form.Item>
          <Form.Item
            name="ownerOrgId"
            label="提供单位"
            style={{ width: 300 }}
            extra={ownerHidden ? `当前为${refs.orgName(resource?.ownerOrgId ?? null)}（不在您的数据范围内）；不选则保持不变` : '审批该资源共享申请的单位'}
            rules={[{ required: !ownerHidden, message: '请选择提供单位：由它审批共享申请' }]}
          >
            <OrgTreeSelect tree={refs.tree} allowClear={ownerHidden} />
          </Form.Item>
        </div>
        <Form.Item name="description" label="说明" rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder="选填：数据范围、口径等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
