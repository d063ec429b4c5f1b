import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EnforcementSubject, EnforcementSubjectDetail, OrgTreeNode, Page, PowerItemEntry, SubjectBody, SubjectKind } from '../../api/types';
import { useGet } from '../../api/useGet';
import { useApiError } from '../../app/useApiError';
import { useCodeOptions } from '../dictionary/useCodeOptions';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';
import { subjectKindOptions } from './labels';

interface SubjectForm {
  orgId: number;
  kind: SubjectKind;
  legalBasis?: string;
  domains: string[];
  itemIds: number[];
  entrustingSubjectId?: number;
  documentNo?: string;
  matters?: string;
  term?: [Dayjs, Dayjs];
  publishedOn?: Dayjs | null;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function initialOf(s: EnforcementSubjectDetail | undefined): Partial<SubjectForm> {
  if (!s) return { kind: '法定行政机关', domains: ['01'], itemIds: [] };
  const e = s.entrustment;
  return {
    orgId: s.orgId, kind: s.kind, legalBasis: s.legalBasis, domains: s.domains, itemIds: s.items.map((i) => i.id),
    ...(e ? { entrustingSubjectId: e.entrusting.id, documentNo: e.documentNo, matters: e.matters, term: [dayjs(e.from), dayjs(e.to)], publishedOn: e.publishedOn ? dayjs(e.publishedOn) : null } : {}),
  };
}

/**
 * 登记 / 编辑执法主体: an org, its kind and basis, the power-list items it may exercise and, for a
 * 受委托组织, its 委托书 (ADP-30: matters, term, number; the entrusting subject may not itself be entrusted).
 */
export function SubjectFormModal({ subject, tree, orgName, onClose, onSaved }: { subject?: EnforcementSubjectDetail; tree: OrgTreeNode[]; orgName: (id: number) => string; onClose: () => void; onSaved: (s: EnforcementSubjectDetail) => void }) {
  const [form] = Form.useForm<SubjectForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const domains = useCodeOptions('enforcement_domain');
  const items = useGet<Page<PowerItemEntry>>('/power-list/items', { pageSize: 500 }, { quiet: true });
  const principals = useGet<Page<EnforcementSubject>>('/enforcement/subjects', { pageSize: 500 }, { quiet: true });
  const kind = Form.useWatch('kind', form);
  const [saving, setSaving] = useState(false);

  async function save() {
    const v = await form.validateFields();
    const body: SubjectBody = {
      orgId: v.orgId,
      kind: v.kind,
      legalBasis: v.legalBasis?.trim() ?? '',
      domains: v.domains,
      itemIds: v.itemIds,
      entrustment:
        v.kind === '受委托组织' && v.term && v.entrustingSubjectId
          ? { entrustingSubjectId: v.entrustingSubjectId, documentNo: (v.documentNo ?? '').trim(), matters: (v.matters ?? '').trim(), from: day(v.term[0]), to: day(v.term[1]), publishedOn: v.publishedOn ? day(v.publishedOn) : null }
          : null,
    };
    setSaving(true);
    try {
      const saved = subject ? await api.put<EnforcementSubjectDetail>(`/enforcement/subjects/${subject.id}`, body) : await api.post<EnforcementSubjectDetail>('/enforcement/subjects', body);
      void message.success(`已保存执法主体：${orgName(saved.orgId)}`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={subject ? `编辑执法主体：${orgName(subject.orgId)}` : '登记执法主体'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      maskClosable={false}
      onOk={() => void save()}
      onCancel={onClose}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      <Form<SubjectForm> form={form} name="subject" layout="vertical" initialValues={initialOf(subject)}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="orgId" label="机构" style={{ flex: 1 }} rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect tree={tree} />
          </Form.Item>
          <Form.Item name="kind" label="主体类别" style={{ width: 200 }} rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={subjectKindOptions} />
          </Form.Item>
        </div>
        <Form.Item name="legalBasis" label="职权依据" extra={kind === '法律法规授权组织' ? '须写明授权的法律、法规（行政处罚法第十九条）' : undefined} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="domains" label="执法领域">
          <Select mode="multiple" options={domains} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="itemIds" label={kind === '受委托组织' ? '委托事项（权责清单）' : '可实施的执法事项（权责清单）'}>
          <Select mode="multiple" optionFilterProp="label" placeholder="选择执法事项" options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        {kind === '受委托组织' && (
          <>
            <Form.Item name="entrustingSubjectId" label="委托机关" rules={[{ required: true, message: '请选择委托机关' }]} extra="受委托组织不得再委托（行政处罚法第二十条第四款）：只能选法定行政机关或授权组织">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(principals.data?.items ?? []).filter((p) => p.kind !== '受委托组织' && p.id !== subject?.id).map((p) => ({ value: p.id, label: orgName(p.orgId) }))}
              />
            </Form.Item>
            <div style={{ display: 'flex', gap: 16 }}>
              <Form.Item name="documentNo" label="委托书文号" style={{ width: 220 }} rules={[{ required: true, whitespace: true, message: '请输入委托书文号' }, { max: 60 }]}>
                <Input maxLength={60} placeholder="如 西司委〔2024〕1号" />
              </Form.Item>
              <Form.Item name="term" label="委托期限" style={{ flex: 1 }} rules={[{ required: true, message: '请选择委托期限' }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="publishedOn" label="公布日期" style={{ width: 150 }}>
                <DatePicker />
              </Form.Item>
            </div>
            <Form.Item name="matters" label="委托的具体事项与权限" rules={[{ required: true, whitespace: true, message: '请写明委托事项与权限' }, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
