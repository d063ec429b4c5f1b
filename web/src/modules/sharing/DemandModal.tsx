import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { DemandBody } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { FieldPicker } from './FieldPicker';
import { algLabels, sharingTypeTags } from './labels';
import type { SharingRefs } from './useSharingRefs';

interface DemandForm {
  consumerId?: number;
  resourceCode?: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
}

/**
 * 提出申请 (供需对接): one of my unit's consumers asks for a resource — only the fields it needs,
 * for a stated purpose on a legal basis. The resource's owner decides; 无条件共享 is granted at once.
 */
export function DemandModal(props: { refs: SharingRefs; resourceCode?: string; onClose: () => void; onSaved: (id: number) => void }) {
  const { refs, resourceCode, onClose, onSaved } = props;
  const [form] = Form.useForm<DemandForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const code = Form.useWatch('resourceCode', form) ?? resourceCode;
  const resource = code ? refs.resourceByCode.get(code) : undefined;
  const mine = refs.consumers.filter((c) => c.status === 'active' && refs.inScope(c.orgId));

  async function save() {
    const v = await form.validateFields();
    const body: DemandBody = { consumerId: v.consumerId ?? 0, resourceCode: v.resourceCode ?? '', fields: v.fields, purpose: v.purpose.trim(), legalBasis: v.legalBasis.trim() };
    try {
      const { id } = await api.post<{ id: number }>('/sharing/requests', body);
      void message.success(resource?.sharingType === 'unconditional' ? `申请 #${id} 已提交：无条件共享，已自动授权` : `申请 #${id} 已提交，等待提供单位审批`);
      onSaved(id);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open width={720} title="提出共享申请" okText="提交申请" onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      {refs.loaded && mine.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本单位还没有可用的调用方"
          description={
            <>
              申请以调用方（使用数据的业务系统）的名义提出，请先到 <Link to="/sharing/consumers">调用方</Link> 登记。
            </>
          }
        />
      )}
      <Form<DemandForm> form={form} name="shareDemand" layout="vertical" initialValues={{ resourceCode, fields: [], consumerId: mine.length === 1 ? mine[0]?.id : undefined }}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="consumerId" label="调用方（使用数据的系统）" style={{ flex: 1 }} rules={[{ required: true, message: '请选择调用方' }]}>
            <Select
              placeholder="选择本单位的调用方"
              options={mine.map((c) => ({ value: c.id, label: `${c.name}（${algLabels[c.alg]}）` }))}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent="本单位没有可用的调用方"
            />
          </Form.Item>
          <Form.Item name="resourceCode" label="申请的资源" style={{ flex: 1 }} rules={[{ required: true, message: '请选择资源' }]}>
            <Select
              placeholder="选择资源"
              options={refs.resources.filter((r) => r.sharingType !== 'none').map((r) => ({ value: r.code, label: `${r.name}（${sharingTypeTags[r.sharingType].label}）` }))}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={() => form.setFieldValue('fields', [])}
            />
          </Form.Item>
        </div>
        {resource && (
          <Alert
            type={resource.sharingType === 'unconditional' ? 'success' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={resource.sharingType === 'unconditional' ? '无条件共享：提交后自动通过并生成授权' : `有条件共享：由提供单位（${refs.orgName(resource.ownerOrgId)}）在 10 个工作日内审批`}
          />
        )}
        <Form.Item
          name="fields"
          label="申请的信息项"
          extra="按最小必要原则只选业务需要的信息项；标“脱敏”的默认脱敏后返回"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个信息项' }]}
        >
          <FieldPicker fields={resource?.fields ?? []} emptyText="请先选择资源" />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请写明用途' }, { max: 200 }]}>
          <Input maxLength={200} placeholder="如 核实诉讼代理人律师执业身份" />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, whitespace: true, message: '请写明法律依据（履行哪项法定职责）' }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如 民事诉讼法 第六十一条；律师法 第二条" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
