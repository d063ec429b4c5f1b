import { App, Checkbox, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useApiError } from '../../../app/useApiError';
import { useCodeOptions } from '../../dictionary/useCodeOptions';
import { NOTICE_STATES } from './labels';
import type { CaseDetail, CaseNotice } from './types';

type Stated = keyof CaseNotice['states'];

interface NoticeForm {
  servedDate: Dayjs;
  statementDeadline: Dayjs;
  kinds: string[];
  fine?: number | null;
  states: Stated[];
  includesHearingRight: boolean;
}

/** 记录告知书 (行政处罚事先告知书): when it was served, until when the party may state a defence, and the proposed penalty. */
export function NoticeModal({ detail, notice, onClose, onSaved }: { detail: CaseDetail; notice: CaseNotice | null; onClose: () => void; onSaved: (c: CaseDetail) => void }) {
  const [form] = Form.useForm<NoticeForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const penalties = useCodeOptions('penalty_type');
  const [saving, setSaving] = useState(false);

  async function save() {
    const v = await form.validateFields();
    const body: CaseNotice = {
      servedDate: v.servedDate.format('YYYY-MM-DD'),
      statementDeadline: v.statementDeadline.format('YYYY-MM-DD'),
      proposed: { kinds: v.kinds, fine: v.fine ?? null, confiscation: notice?.proposed.confiscation ?? null },
      states: { facts: v.states.includes('facts'), reasons: v.states.includes('reasons'), basis: v.states.includes('basis'), rights: v.states.includes('rights') },
      includesHearingRight: v.includesHearingRight,
      // Not asked here: kept as recorded.
      waiverSigned: notice?.waiverSigned ?? false,
      defenceFiled: notice?.defenceFiled ?? false,
    };
    setSaving(true);
    try {
      const saved = await api.patch<CaseDetail>(`/enforcement/cases/${detail.id}/record`, { notice: body });
      void message.success('已记录告知书');
      onSaved(saved);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  const initial: Partial<NoticeForm> = notice
    ? {
        servedDate: dayjs(notice.servedDate),
        statementDeadline: dayjs(notice.statementDeadline),
        kinds: notice.proposed.kinds,
        fine: notice.proposed.fine,
        states: NOTICE_STATES.map((s) => s.value).filter((k) => notice.states[k]),
        includesHearingRight: notice.includesHearingRight,
      }
    : { servedDate: dayjs(), kinds: [], states: NOTICE_STATES.map((s) => s.value), includesHearingRight: false };

  return (
    <Modal open width={600} title={`记录告知书：${detail.caseNo}`} okText="保存" cancelText="取消" confirmLoading={saving} maskClosable={false} onOk={() => void save()} onCancel={onClose}>
      <Form<NoticeForm> form={form} name="caseNotice" layout="vertical" initialValues={initial}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="servedDate" label="送达日期" style={{ flex: 1 }} rules={[{ required: true, message: '请选择送达日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="statementDeadline" label="陈述申辩期限" style={{ flex: 1 }} rules={[{ required: true, message: '请选择陈述、申辩期限的最后一日' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="kinds" label="拟处罚种类" rules={[{ required: true, message: '请选择拟处罚种类' }]}>
          <Select mode="multiple" options={penalties} optionFilterProp="label" placeholder="选择处罚种类" />
        </Form.Item>
        <Form.Item name="fine" label="拟罚款金额（元）">
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="states" label="告知内容" extra="告知拟作出处罚的事实、理由、依据及当事人依法享有的权利（行政处罚法第四十四条）">
          <Checkbox.Group options={NOTICE_STATES.map((s) => ({ value: s.value, label: s.label }))} />
        </Form.Item>
        <Form.Item name="includesHearingRight" valuePropName="checked">
          <Checkbox>告知听证权利</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
