import { Alert, Progress, Space, Statistic, Tag, Typography } from 'antd';
import type { Batch } from '../../api/types';
import { formatCount, formatDuration } from '../../app/format';
import { ErrorReportLinks } from './ErrorReportLinks';

function Stats({ items }: { items: { title: string; value: number | string; suffix?: string; danger?: boolean }[] }) {
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: '16px 0' }}>
      {items.map((s) => (
        <Statistic
          key={s.title}
          title={s.title}
          value={s.value}
          suffix={s.suffix}
          style={{ minWidth: 84 }}
          styles={{ content: { fontSize: 22, color: s.danger ? '#cf1322' : undefined } }}
        />
      ))}
    </div>
  );
}

function Running({ batch }: { batch: Batch }) {
  const percent = batch.progress === null ? undefined : Math.floor(batch.progress * 1000) / 10;
  return (
    <>
      <Progress percent={percent ?? 0} status="active" format={(p) => (percent === undefined ? '读取中' : `${p}%`)} />
      <Stats
        items={[
          { title: '已读', value: batch.read, suffix: '行' },
          // An atomic batch lands only at its end: until then its good rows have only passed the checks.
          { title: batch.mode === 'atomic' ? '校验通过' : '入库', value: batch.accepted, suffix: '行' },
          { title: '拒收', value: batch.rejected, suffix: '行', danger: batch.rejected > 0 },
          { title: '速率', value: batch.rate === null ? '—' : formatCount(batch.rate), suffix: '行/秒' },
          { title: '预计剩余', value: formatDuration(batch.etaSeconds) },
        ]}
      />
      <Typography.Text type="secondary">
        {batch.mode === 'atomic' ? '整批模式：全部校验通过后一次入库。' : '合格的行边读边入库。'}导入在后台进行，关闭窗口不影响导入，可在批次列表中查看进度。
      </Typography.Text>
    </>
  );
}

function headline(b: Batch): { type: 'success' | 'warning' | 'error'; title: string; description?: string } {
  const n = formatCount;
  switch (b.status) {
    case 'completed':
      return b.rejected === 0
        ? { type: 'success', title: `归集完成：${n(b.accepted)} 行全部入库` }
        : {
            type: 'warning',
            title: `归集完成：${n(b.accepted)} 行入库，${n(b.rejected)} 行未通过校验`,
            description: '问题行没有入库。请下载错误报告，按“错误原因”列改正后，只上传改正的行即可。',
          };
    case 'rejected':
      return {
        type: 'error',
        title: `整批拒收：${n(b.rejected)} 行未通过校验，全部 ${n(b.read)} 行均未入库`,
        description: '请下载错误报告，按“错误原因”列在原文件中改正后，重新上传整个文件。',
      };
    default:
      return {
        type: 'error',
        title: '归集中止',
        description: [b.errorMessage ?? '文件无法读取', b.accepted > 0 ? `中止前已入库 ${n(b.accepted)} 行。` : ''].filter(Boolean).join('；'),
      };
  }
}

function Finished({ batch }: { batch: Batch }) {
  const h = headline(batch);
  return (
    <>
      <Alert type={h.type} showIcon title={h.title} description={h.description} />
      <Stats
        items={[
          { title: '已读', value: batch.read },
          { title: '入库', value: batch.accepted },
          { title: '拒收', value: batch.rejected, danger: batch.rejected > 0 },
          { title: '新增', value: batch.inserted },
          { title: '更新', value: batch.updated },
          { title: '未变', value: batch.unchanged },
        ]}
      />
      {batch.cleansed > 0 && (
        <Typography.Paragraph type="secondary">
          入库的行中有 {formatCount(batch.cleansed)} 行经过清洗：日期、身份证号、电话等已按数据标准统一写法，原值随记录留存。
        </Typography.Paragraph>
      )}
      {batch.unmappedHeaders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`文件中有 ${batch.unmappedHeaders.length} 列不在标准库中，这些列没有导入`}
          description={
            <Space size={[0, 4]} wrap>
              {batch.unmappedHeaders.map((h) => (
                <Tag key={h}>{h}</Tag>
              ))}
            </Space>
          }
        />
      )}
      {batch.rejected > 0 && <ErrorReportLinks batch={batch} />}
    </>
  );
}

/** A batch as it runs (progress, counts, rate, time left) or as it ended (what landed, what to fix). */
export function BatchOutcome({ batch }: { batch: Batch }) {
  return batch.status === 'running' ? <Running batch={batch} /> : <Finished batch={batch} />;
}
