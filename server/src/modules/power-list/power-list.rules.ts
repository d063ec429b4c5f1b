/**
 * Rules an enforcement item (执法事项) must meet before it is stored, from the API or a file.
 * Pure: the caller looks up which basis elements exist (and their law version's status) and which
 * penalty kinds the dictionary holds, and passes them in as facts.
 *
 * Rule ids are those of /work/shared/domain/statutory-rules.md where one applies:
 * - ADP-31 (行政处罚法 第三十八条第一款): "行政处罚没有依据或者实施主体不具有行政主体资格的，行政处罚无效"
 *   → a basis must be a real element of a law in force or amended (not repealed); a 行政处罚 item
 *   needs a basis and an exercising body.
 * - ADP-23 (行政处罚法 第三十四条): 裁量基准 — tiers by severity whose amounts do not fall as the
 *   circumstances get heavier, each tier a sound range.
 * - 行政处罚法 第九条: the kinds of 行政处罚 (dictionary set `penalty_type`); 罚款 is one of them,
 *   so an amount belongs to a tier that imposes a fine.
 */
import type { LawStatus } from '../laws/law-status.ts';
import { ORG_TYPES } from '../identity/index.ts';
import { BENCHMARK_LEVELS, type BasisRole, type BenchmarkLevel, type ItemKind } from './power-list.tables.ts';
import { PENALTY } from '../dictionary/index.ts';

export interface BasisInput {
  elementId: string;
  role: BasisRole;
}

export interface BenchmarkInput {
  level: BenchmarkLevel;
  circumstances: string;
  /** `penalty_type` codes: '01' 警告, '03' 罚款… */
  penalties: string[];
  /** Whole yuan; null when the tier imposes no fine or the fine is a multiple (违法所得一倍以上…). */
  amountMin: number | null;
  amountMax: number | null;
  note: string;
}

export interface ItemInput {
  code: string;
  name: string;
  kind: ItemKind;
  orgTypes: string[];
  description: string;
  bases: BasisInput[];
  benchmarks: BenchmarkInput[];
}

export interface RuleFacts {
  /** Each basis element id that exists in law_elements → its law version's status today. */
  elements: ReadonlyMap<string, LawStatus>;
  /** The `penalty_type` code set: code → label and whether new data may use it. */
  penaltyKinds: ReadonlyMap<string, { label: string; enabled: boolean }>;
}

export interface Violation {
  /** Stable, SCREAMING_SNAKE: goes to `details[].code`. */
  code: string;
  /** The statutory rule id or article the check comes from. */
  rule: string;
  /** API path of the field: `bases.0.elementId`, `benchmarks.2.amountMax`. */
  field: string;
  /** Chinese, naming the value and the rule. */
  message: string;
  /** Which basis or benchmark (index in the input), so a file import can name its row and column. */
  basis?: number;
  benchmark?: number;
}

export const FINE = PENALTY.fine; // 罚款 (行政处罚法 第九条第（二）项)

const ADP31 = 'ADP-31（行政处罚法第三十八条）';
const ADP23 = 'ADP-23（行政处罚法第三十四条）';
const ART9 = '行政处罚法第九条';
const ORG_TYPE_CODES = new Set<string>(ORG_TYPES.map((t) => t.code));

function basisRules(item: ItemInput, facts: RuleFacts): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  item.bases.forEach((b, i) => {
    const field = `bases.${i}.elementId`;
    const status = facts.elements.get(b.elementId);
    if (seen.has(b.elementId)) out.push({ code: 'POWER_BASIS_DUPLICATE', rule: ADP31, field, basis: i, message: `依据 ${b.elementId} 重复列出，每条依据只列一次（${ADP31}）` });
    seen.add(b.elementId);
    if (status === undefined) {
      out.push({ code: 'POWER_BASIS_UNKNOWN', rule: ADP31, field, basis: i, message: `依据 ${b.elementId} 在法规库中不存在（${ADP31}：没有依据的行政处罚无效）` });
    } else if (status === 'repealed') {
      out.push({ code: 'POWER_BASIS_REPEALED', rule: ADP31, field, basis: i, message: `依据 ${b.elementId} 所在的法规版本已废止，不能作为依据（${ADP31}）` });
    }
  });
  if (item.kind === '行政处罚' && item.bases.length === 0) {
    out.push({ code: 'POWER_BASIS_REQUIRED', rule: ADP31, field: 'bases', message: `行政处罚事项至少要有一条法律依据（${ADP31}：没有依据的行政处罚无效）` });
  }
  return out;
}

function orgTypeRules(item: ItemInput): Violation[] {
  const out: Violation[] = item.orgTypes
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => !ORG_TYPE_CODES.has(t))
    .map(({ t, i }) => ({ code: 'POWER_ORG_TYPE_INVALID', rule: ADP31, field: `orgTypes.${i}`, message: `实施主体 ${t} 不是已知的机构类型（${ADP31}：实施主体须具有行政主体资格）` }));
  if (item.kind === '行政处罚' && item.orgTypes.length === 0) {
    out.push({ code: 'POWER_ORG_TYPE_REQUIRED', rule: ADP31, field: 'orgTypes', message: `行政处罚事项须写明实施主体（${ADP31}：实施主体不具有行政主体资格的，行政处罚无效）` });
  }
  return out;
}

function penaltyKindRules(item: ItemInput, facts: RuleFacts): Violation[] {
  const out: Violation[] = [];
  item.benchmarks.forEach((t, i) => {
    const field = `benchmarks.${i}.penalties`;
    if (item.kind !== '行政处罚') {
      if (t.penalties.length > 0) out.push({ code: 'POWER_PENALTY_KIND_NOT_APPLICABLE', rule: ART9, field, benchmark: i, message: `${item.kind}事项的裁量基准不应列处罚种类（${ART9}只规定行政处罚的种类）` });
      return;
    }
    if (t.penalties.length === 0) out.push({ code: 'POWER_PENALTY_KIND_REQUIRED', rule: ART9, field, benchmark: i, message: `“${t.level}”阶次未写处罚种类（${ART9}）` });
    for (const p of t.penalties) {
      if (facts.penaltyKinds.get(p)?.enabled !== true) out.push({ code: 'POWER_PENALTY_KIND_INVALID', rule: ART9, field, benchmark: i, message: `处罚种类 ${p} 不在“行政处罚种类”代码集中（${ART9}）` });
    }
    if ((t.amountMin !== null || t.amountMax !== null) && !t.penalties.includes(FINE)) {
      out.push({ code: 'POWER_AMOUNT_WITHOUT_FINE', rule: ART9, field: `benchmarks.${i}.amountMax`, benchmark: i, message: `“${t.level}”阶次写了罚款金额，处罚种类却没有罚款（${ART9}第（二）项）` });
    }
  });
  return out;
}

/** ADP-23: each tier a sound range, each level once, and no bound falling as the level gets heavier. */
function tierRules(item: ItemInput): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<BenchmarkLevel>();
  item.benchmarks.forEach((t, i) => {
    if (seen.has(t.level)) out.push({ code: 'POWER_TIER_DUPLICATE', rule: ADP23, field: `benchmarks.${i}.level`, benchmark: i, message: `裁量阶次“${t.level}”重复，每个阶次只写一行（${ADP23}）` });
    seen.add(t.level);
    if (t.amountMin !== null && t.amountMax !== null && t.amountMin > t.amountMax) {
      out.push({ code: 'POWER_AMOUNT_RANGE', rule: ADP23, field: `benchmarks.${i}.amountMin`, benchmark: i, message: `“${t.level}”阶次的罚款下限 ${t.amountMin} 元大于上限 ${t.amountMax} 元（${ADP23}）` });
    }
  });
  const bySeverity = item.benchmarks.map((t, i) => ({ t, i })).sort((a, b) => BENCHMARK_LEVELS.indexOf(a.t.level) - BENCHMARK_LEVELS.indexOf(b.t.level));
  for (const bound of ['amountMin', 'amountMax'] as const) {
    let highest: { value: number; level: BenchmarkLevel } | null = null;
    for (const { t, i } of bySeverity) {
      const v = t[bound];
      if (v === null) continue;
      if (highest && v < highest.value && highest.level !== t.level) {
        const what = bound === 'amountMin' ? '下限' : '上限';
        out.push({
          code: 'POWER_TIER_ORDER', rule: ADP23, field: `benchmarks.${i}.${bound}`, benchmark: i,
          message: `“${t.level}”阶次的罚款${what} ${v} 元低于较轻的“${highest.level}”阶次的 ${highest.value} 元：情节越重，罚款不应越轻（${ADP23}）`,
        });
      }
      if (!highest || v > highest.value) highest = { value: v, level: t.level };
    }
  }
  return out;
}

/** Every rule the item breaks, in a stable order (bases, bodies, penalty kinds, tiers). */
export function checkItem(item: ItemInput, facts: RuleFacts): Violation[] {
  return [...basisRules(item, facts), ...orgTypeRules(item), ...penaltyKindRules(item, facts), ...tierRules(item)];
}
