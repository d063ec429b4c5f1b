import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api, ApiError } from '../../api/client';
import type { CalendarYearDetail } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { formatDayLines, parseDayLines } from './calendar-lines';

interface YearForm {
  year: number;
  source: string;
  amendedBy: string[];
  lines: string;
}

/** The server names a bad day `days[3].date`; the user typed it as the fourth entry in `lines`. */
function onLines(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((d) => {
    const m = /^days\[(\d+)\]/.exec(d.field ?? '');
    return m ? { field: 'lines', message: `第 ${Number(m[1]) + 1} 条：${d.message}` } : d;
  });
  return new ApiError(error.status, error.code, error.message, error.requestId, details);
}

/** 新增年度 / 编辑年度: the holidays and 调休 workdays of one year, from the official notice. */
export function CalendarYearModal(props: {
  existing?: CalendarYearDetail;
  defaultYear: number;
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { existing, defaultYear, onClose, onSaved } = props;
  const [form] = Form.useForm<YearForm>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const values = await form.validateFields();
    const { days } = parseDayLines(values.lines, values.year);
    try {
      await api.put(`/calendar/years/${values.year}`, { source: values.source.trim(), amendedBy: values.amendedBy, days });
      void message.success(`已保存 ${values.year} 年工作日历`);
      onSaved(values.year);
    } catch (e) {
      report(onLines(e), form);
    }
  }

  return (
    <Modal open title={existing ? `编辑 ${existing.year} 年工作日历` : '新增年度'} okText="保存" onOk={() => void save()} onCancel={onClose} width={600}>
      <Form<YearForm>
        name="calendarYear"
        form={form}
        layout="vertical"
       
        initialValues={
          existing
            ? { year: existing.year, source: existing.source, amendedBy: existing.amendedBy, lines: formatDayLines(existing.days) }
            : { year: defaultYear, source: '', amendedBy: [], lines: '' }
        }
      >
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请输入年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} disabled={Boolean(existing)} />
        </Form.Item>
        <Form.Item name="source" label="依据" rules={[{ required: true, whitespace: true, message: '请填写放假安排通知的文号' }]}>
          <Input placeholder="如：国办发明电〔2025〕7号" />
        </Form.Item>
        <Form.Item name="amendedBy" label="修改通知" extra="后来调整该年安排的通知文号，可填多个；没有则留空。">
          <Select mode="tags" open={false} suffixIcon={null} placeholder="输入文号后回车" />
        </Form.Item>
        <Form.Item
          name="lines"
          label="节假日与调休"
          extra="每行一天：日期 休/班 名称，例如 2027-10-01 休 国庆节、2027-10-09 班 国庆节调休。"
          dependencies={['year']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, text: string | undefined) => {
                const { days, errors } = parseDayLines(text ?? '', Number(getFieldValue('year')));
                if (errors.length > 0) return Promise.reject(new Error(errors.slice(0, 3).join('；')));
                return days.length > 0 ? Promise.resolve() : Promise.reject(new Error('请至少填写一天'));
              },
            }),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 16 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
