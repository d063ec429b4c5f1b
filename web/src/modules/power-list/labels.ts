import type { BenchmarkLevel, PowerBasisRole, PowerItemKind } from '../../api/types';
import { formatCount } from '../../app/format';

/** 事项类别 with a tag colour each; the keys are the server's list, so a new kind fails to compile here. */
export const itemKindTags: Record<PowerItemKind, string> = {
  行政处罚: 'volcano',
  行政许可: 'blue',
  行政强制: 'red',
  行政检查: 'cyan',
  行政征收: 'gold',
  行政确认: 'geekblue',
  其他: 'default',
};

export const itemKindOptions = (Object.keys(itemKindTags) as PowerItemKind[]).map((k) => ({ value: k, label: k }));

/** 裁量阶次, lightest first (行政处罚法 第三十四条: 裁量基准). */
export const benchmarkLevelColors: Record<BenchmarkLevel, string> = {
  轻微: 'green',
  一般: 'blue',
  较重: 'orange',
  严重: 'red',
};

export const benchmarkLevelOptions = (Object.keys(benchmarkLevelColors) as BenchmarkLevel[]).map((l) => ({ value: l, label: l }));

export const basisRoleLabels: Record<PowerBasisRole, string> = {
  basis: '设定依据',
  penalty: '处罚依据',
};

export const basisRoleOptions = (Object.keys(basisRoleLabels) as PowerBasisRole[]).map((r) => ({ value: r, label: basisRoleLabels[r] }));

/** 罚款 of a tier: 1,000 至 3,000 元; 3,000 元以下; none when the tier imposes no fine in yuan. */
export function fineRange(min: number | null, max: number | null): string {
  const yuan = (n: number) => `${formatCount(n)} 元`;
  if (min !== null && max !== null) return min === max ? yuan(min) : `${formatCount(min)} 至 ${yuan(max)}`;
  if (max !== null) return `${yuan(max)}以下`;
  if (min !== null) return `${yuan(min)}以上`;
  return '—';
}

/** How the review found the element it suggests in the new version. */
export const matchLabels: Record<string, string> = {
  'same-path': '新版本同一位置的条文',
  'same-text': '新版本中文字相同的条文（位置已变）',
};
