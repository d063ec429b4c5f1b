import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EnforcementOfficer, EnforcementOfficerDetail, OfficerBody, OrgTreeNode } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { useCodeOptions } from '../dictionary/useCodeOptions';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';

interface OfficerForm {
  name: string;
  idNumber?: string;
  orgId: number;
  certificateNo: string;
  domains: string[];
  term: [Dayjs, Dayjs];
  legalQualification: boolean;
}

/** 登记 / 编辑执法人员: the person, the org and the 执法证; the ID number is fixed once registered. */
export function OfficerFormModal({ officer, tree, onClose, onSaved }: { officer?: EnforcementOfficer; tree: OrgTreeNode[]; onClose: () => void; onSaved: (o: EnforcementOfficerDetail) => void }) {
  const [form] = Form.useForm<OfficerForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const domains = useCodeOptions('enforcement_domain');
  const [saving, setSaving] = useState(false);
  // A new officer most often belongs to the registering user's own org.
  const { user } = useAuth();

  async function save() {
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(),
      orgId: v.orgId,
      certificateNo: v.certificateNo.trim(),
      domains: v.domains,
      issuedOn: v.term[0].format('YYYY-MM-DD'),
      expiresOn: v.term[1].format('YYYY-MM-DD'),
      legalQualification: v.legalQualification,
    };
    setSaving(true);
    try {
      const saved = officer
        ? await api.put<EnforcementOfficerDetail>(`/enforcement/officers/${officer.id}`, body)
        : await api.post<EnforcementOfficerDetail>('/enforcement/officers', { ...body, idNumber: (v.idNumber ?? '').trim() } satisfies OfficerBody);
      void message.success(officer ? `已保存执法人员 ${saved.name}` : `已登记执法人员 ${saved.name}（执法证 ${saved.certificateNo}）`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open width={640} title={officer ? `编辑执法人员：${officer.name}` : '登记执法人员'} okText="保存" cancelText="取消" confirmLoading={saving} maskClosable={false} onOk={() => void save()} onCancel={onClose}>
      <Form<OfficerForm>
        form={form}
        name="officer"
        layout="vertical"
        initialValues={
          officer
            ? { ...officer, term: [dayjs(officer.issuedOn), dayjs(officer.expiresOn)] }
            : { orgId: user?.orgId, domains: ['01'], legalQualification: false }
        }
      >
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="name" label="姓名" style={{ width: 180 }} rules={[{ required: true, message: '请输入姓名' }, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          {officer ? (
            <Form.Item label="公民身份号码" style={{ flex: 1 }} extra="身份号码登记后不可修改">
              <Input value={officer.idNumber} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="idNumber" label="公民身份号码" style={{ flex: 1 }} rules={[{ required: true, message: '请输入公民身份号码' }, { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '应为 18 位，最后一位可为 X' }]}>
              <Input maxLength={18} placeholder="18 位，系统校验校验码" />
            </Form.Item>
          )}
        </div>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect tree={tree} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="certificateNo" label="执法证号" style={{ width: 220 }} rules={[{ required: true, message: '请输入执法证号' }, { max: 40 }]}>
            <Input maxLength={40} placeholder="如 浙33010620240001" />
          </Form.Item>
          <Form.Item name="term" label="发证日期 — 有效期至" style={{ flex: 1 }} rules={[{ required: true, message: '请选择证件有效期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="domains" label="执法领域">
          <Select mode="multiple" options={domains} placeholder="选择执法领域" optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="legalQualification" valuePropName="checked" extra="初次从事法制审核的人员须具有法律职业资格（行政处罚法第五十八条第二款）">
          <Checkbox>具有法律职业资格</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
