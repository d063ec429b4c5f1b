import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { OrgTreeNode } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useApiError } from '../../../app/useApiError';
import { OrgTreeSelect } from '../../identity/OrgTreeSelect';
import type { CaseBody, CaseDetail } from './types';
import { useOfficerOptions } from './useOfficerOptions';

interface ClueForm {
  orgId: number;
  cause: string;
  partyKind: 'citizen' | 'organisation';
  partyName: string;
  partyIdNumber?: string;
  actEndDate: Dayjs;
  discoveredDate?: Dayjs;
  officerIds: number[];
}

/** 登记线索: who, what, when it ended (the 追责期限 runs from it) and who handles it. */
export function CaseFormModal({ tree, onClose, onSaved }: { tree: OrgTreeNode[]; onClose: () => void; onSaved: (c: CaseDetail) => void }) {
  const [form] = Form.useForm<ClueForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const { user } = useAuth();
  const [saving, setSaving] = useState(false);
  const orgId = Form.useWatch('orgId', form) ?? user?.orgId;
  const partyKind = Form.useWatch('partyKind', form);
  const officers = useOfficerOptions(orgId);

  async function save() {
    const v = await form.validateFields();
    const idNumber = (v.partyIdNumber ?? '').trim() || null;
    const body: CaseBody = {
      orgId: v.orgId,
      cause: v.cause.trim(),
      party: { kind: v.partyKind, name: v.partyName.trim(), idNumber },
      actEndDate: v.actEndDate.format('YYYY-MM-DD'),
      discoveredDate: v.discoveredDate?.format('YYYY-MM-DD') ?? null,
      officerIds: v.officerIds,
    };
    setSaving(true);
    try {
      const saved = await api.post<CaseDetail>('/enforcement/cases', body);
      void message.success(`已登记线索，案件编号 ${saved.caseNo}`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open width={680} title="登记线索" okText="登记" cancelText="取消" confirmLoading={saving} maskClosable={false} onOk={() => void save()} onCancel={onClose}>
      <Form<ClueForm> form={form} name="caseClue" layout="vertical" initialValues={{ orgId: user?.orgId, partyKind: 'citizen', discoveredDate: dayjs(), officerIds: [] }}>
        <Form.Item name="orgId" label="办案机构" rules={[{ required: true, message: '请选择办案机构' }]}>
          <OrgTreeSelect tree={tree} onChange={() => form.setFieldValue('officerIds', [])} />
        </Form.Item>
        <Form.Item name="cause" label="案由" rules={[{ required: true, whitespace: true, message: '请输入案由' }, { max: 200 }]}>
          <Input maxLength={200} placeholder="如 律师以不正当手段承揽业务" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="partyKind" label="当事人类型">
            <Radio.Group options={[{ value: 'citizen', label: '公民' }, { value: 'organisation', label: '单位' }]} optionType="button" />
          </Form.Item>
          <Form.Item name="partyName" label="当事人名称" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请输入当事人名称' }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="partyIdNumber" label={partyKind === 'organisation' ? '统一社会信用代码' : '公民身份号码'}>
          <Input maxLength={18} placeholder={partyKind === 'organisation' ? '18 位' : '18 位，最后一位可为 X'} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="actEndDate" label="违法行为终了日" style={{ flex: 1 }} rules={[{ required: true, message: '请选择违法行为终了之日' }]} extra="追责期限自此起算（行政处罚法第三十六条）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="discoveredDate" label="发现日期" style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="officerIds" label="承办人员" extra="执法人员不得少于两人（行政处罚法第四十二条）">
          <Select mode="multiple" options={officers.options} optionFilterProp="label" placeholder="选择持有效执法证的人员" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
