import { Alert, App, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { DecisionBody, ShareRequest } from '../../api/types';
import { formatDate } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { FieldTags } from './FieldTags';
import type { SharingRefs } from './useSharingRefs';

interface DecisionForm {
  approve: boolean;
  note?: string;
  plainFields: string[];
  ratePerSecond: number;
  quotaPerDay: number;
  expiresAt: Dayjs;
}

/**
 * 审批: the owner approves a demand — which masked fields go out plain, the rate limit, the daily
 * quota and the expiry of the grant it becomes — or rejects it with a reason.
 */
export function DecisionModal(props: { request: ShareRequest; refs: SharingRefs; onClose: () => void; onDone: () => void }) {
  const { request: q, refs, onClose, onDone } = props;
  const [form] = Form.useForm<DecisionForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const approve = Form.useWatch('approve', form) ?? true;
  const resource = refs.resourceByCode.get(q.resourceCode);
  const consumer = refs.consumerById.get(q.consumerId);
  const masked = (resource?.fields ?? []).filter((f) => f.masked && q.fields.includes(f.id));

  async function save() {
    const v = await form.validateFields();
    const body: DecisionBody = v.approve
      ? { approve: true, note: v.note?.trim() ?? '', plainFields: v.plainFields, ratePerSecond: v.ratePerSecond, quotaPerDay: v.quotaPerDay, expiresAt: v.expiresAt.endOf('day').toISOString() }
      : { approve: false, note: v.note?.trim() ?? '' };
    try {
      const { grantId } = await api.post<{ grantId: number | null }>(`/sharing/requests/${q.id}/decision`, body);
      void message.success(grantId === null ? `已驳回申请 #${q.id}` : `已通过申请 #${q.id}，生成授权 #${grantId}`);
      onDone();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={`审批共享申请 #${q.id}`}
      okText={approve ? '通过并授权' : '驳回'}
      okButtonProps={{ danger: !approve }}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
    >
      {q.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已超过答复期限（${formatDate(q.dueOn)}），请尽快处理`} />}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="调用方">
          {q.consumerName}
          {consumer?.agency ? `（${consumer.agency}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="资源">{q.resourceName}</Descriptions.Item>
        <Descriptions.Item label="申请信息项">
          <FieldTags fields={q.fields} resource={resource} />
        </Descriptions.Item>
        <Descriptions.Item label="用途">{q.purpose}</Descriptions.Item>
        <Descriptions.Item label="法律依据">{q.legalBasis}</Descriptions.Item>
        <Descriptions.Item label="答复期限">
          <Typography.Text type={q.overdue ? 'danger' : undefined}>{formatDate(q.dueOn)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form<DecisionForm>
        form={form}
        name="shareDecision"
        layout="vertical"
        initialValues={{ approve: true, plainFields: [], ratePerSecond: 10, quotaPerDay: 10_000, expiresAt: dayjs().add(1, 'year') }}
      >
        <Form.Item name="approve" label="审批结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: '通过（生成授权）' },
              { value: false, label: '驳回' },
            ]}
          />
        </Form.Item>
        {approve && (
          <>
            <Form.Item
              name="plainFields"
              label="授权明文的信息项"
              extra={masked.length === 0 ? '申请的信息项均无需脱敏' : '未勾选的按脱敏返回（如 330***********123X、138****5678）；只在业务确需完整号码时授权明文'}
            >
              <Checkbox.Group options={masked.map((f) => ({ value: f.id, label: f.name }))} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 16 }}>
              <Form.Item name="ratePerSecond" label="限流" rules={[{ required: true, message: '请输入限流' }]}>
                <InputNumber min={1} max={10_000} precision={0} suffix="次/秒" style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="quotaPerDay" label="日配额" rules={[{ required: true, message: '请输入日配额' }]}>
                <InputNumber min={1} max={100_000_000} precision={0} suffix="次/日" style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="expiresAt" label="授权有效期至" rules={[{ required: true, message: '请选择有效期' }]} extra="到期后须重新申请；至多每年复核一次">
                <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 180 }} />
              </Form.Item>
            </div>
          </>
        )}
        <Form.Item name="note" label={approve ? '审批意见' : '驳回理由'} rules={[{ required: !approve, whitespace: true, message: '驳回须写明理由' }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={approve ? '选填' : '如 申请的信息项超出履职必要范围'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
