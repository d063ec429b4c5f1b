import type { BatchMode, BatchStatus, UpdateCycle } from '../../api/types';

export const batchStatusTags: Record<BatchStatus, { label: string; color: string }> = {
  running: { label: '执行中', color: 'processing' },
  completed: { label: '完成', color: 'success' },
  rejected: { label: '整批拒收', color: 'warning' },
  failed: { label: '中止', color: 'error' },
};

export const batchModeLabels: Record<BatchMode, string> = {
  partial: '部分入库',
  atomic: '整批',
};

/** In a table column: 部分 / 整批. */
export const batchModeShort: Record<BatchMode, string> = {
  partial: '部分',
  atomic: '整批',
};

export const batchModeHelp: Record<BatchMode, string> = {
  partial: '合格行入库，问题行进入错误报告',
  atomic: '全部通过才入库，有一行不合格则整批不入库',
};

/** Update cycles (更新周期, GB/T 21063), in the order a select lists them. */
export const cycleLabels: Record<UpdateCycle, string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
};

export const cycleOptions = Object.entries(cycleLabels).map(([value, label]) => ({ value: value as UpdateCycle, label }));

export const formatLabels: Record<string, string> = {
  csv: 'CSV',
  xlsx: 'Excel 工作簿（XLSX）',
  json: 'JSON',
  ndjson: 'NDJSON（每行一条 JSON）',
};

/** The org a source or batch belongs to; null: registered from the command line, installation-wide. */
export function orgLabel(orgId: number | null, name: (id: number) => string | undefined): string {
  if (orgId === null) return '全平台（命令行登记）';
  return name(orgId) ?? `机构 #${orgId}`;
}
