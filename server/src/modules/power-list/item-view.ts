/**
 * How an item reads: its bases resolved against the library (law title, citation label, words,
 * the version's status today) and its benchmark tiers with penalty labels.
 */
import { citationLabelOf } from '../laws/law-ids.ts';
import { LAW_STATUS_LABELS, statusOn, type LawStatus } from '../laws/law-status.ts';
import { orgTypeLabel } from '../identity/org-types.ts';
import type { basesOf, benchmarksOf, descendantsOf, elementFacts, findItem } from './power-list.queries.ts';
import type { BasisInput, BenchmarkInput } from './power-list.rules.ts';

type Row<F extends (...a: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>> extends (infer R)[] ? R : NonNullable<Awaited<ReturnType<F>>>;
export type ItemRow = Row<typeof findItem>;
export type BasisRow = Row<typeof basesOf>;
export type BenchmarkRow = Row<typeof benchmarksOf>;
export type FactRow = Row<typeof elementFacts>;
export type DescendantRow = Row<typeof descendantsOf>;

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const money = (v: string | null): number | null => (v === null ? null : Number(v));

export function statusOfFact(f: FactRow, today: string): LawStatus {
  return statusOn({ versionDate: f.version_date, effectiveDate: f.effective_date, supersededOn: f.superseded_on, repealedOn: f.repealed_on }, today);
}

/** The words of an element: its own text, or for an article (or any container) its 款 and 项 one per line. */
export function wordsOf(id: string, facts: ReadonlyMap<string, FactRow>, below: readonly DescendantRow[]): string {
  const own = facts.get(id);
  if (!own) return '';
  const line = (kind: string, label: string, text: string) => (kind === 'item' || kind === 'subitem' ? `${label}${text}` : text);
  if (own.text !== '') return line(own.kind, own.label, own.text);
  return below
    .filter((d) => d.id.startsWith(`${id}/`))
    .map((d) => line(d.kind, d.label, d.text))
    .filter((s) => s !== '')
    .join('\n');
}

/** 《中华人民共和国律师法》第四十七条第一款第（二）项: how a person cites the element. */
export function citationOf(id: string, fact: FactRow | undefined): string {
  const label = citationLabelOf(id);
  return fact ? `《${fact.title}》${label}` : label || id;
}

export function basisView(b: BasisRow, facts: ReadonlyMap<string, FactRow>, below: readonly DescendantRow[], today: string) {
  const f = facts.get(b.element_id);
  const status = f ? statusOfFact(f, today) : null;
  return {
    elementId: b.element_id,
    role: b.role,
    exists: f !== undefined,
    label: citationLabelOf(b.element_id),
    citation: citationOf(b.element_id, f),
    text: wordsOf(b.element_id, facts, below),
    /** A 项 means little without its 款's opening words (律师有下列行为之一的，…给予警告…). */
    leadIn: f && (f.kind === 'item' || f.kind === 'subitem') ? (f.parent_text ?? '') : '',
    law: f && status ? { id: f.law_id, title: f.title, versionDate: f.version_date, status, statusLabel: LAW_STATUS_LABELS[status] } : null,
    reviewedAt: iso(b.reviewed_at),
  };
}

export function benchmarkView(t: BenchmarkRow, penaltyKinds: ReadonlyMap<string, { label: string }>) {
  return {
    level: t.level,
    circumstances: t.circumstances,
    penalties: t.penalties,
    penaltyLabels: t.penalties.map((p) => penaltyKinds.get(p)?.label ?? p),
    amountMin: money(t.amount_min),
    amountMax: money(t.amount_max),
    note: t.note,
  };
}

export function itemHead(i: ItemRow) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    kind: i.kind,
    orgTypes: i.org_types,
    orgTypeLabels: i.org_types.map(orgTypeLabel),
    description: i.description,
    createdAt: i.created_at.toISOString(),
    updatedAt: i.updated_at.toISOString(),
  };
}

/** The comparable content of an item, stored or given: what an import compares to skip unchanged items. */
export function contentOf(x: { name: string; kind: string; orgTypes: readonly string[]; description: string; bases: readonly BasisInput[]; benchmarks: readonly BenchmarkInput[] }): string {
  const byRole = (role: string) => x.bases.filter((b) => b.role === role).map((b) => b.elementId);
  const tiers = x.benchmarks.map((t) => [t.level, t.circumstances, t.penalties, t.amountMin, t.amountMax, t.note]);
  return JSON.stringify([x.name, x.kind, x.orgTypes, x.description, byRole('basis'), byRole('penalty'), tiers]);
}

export function storedInput(i: ItemRow, bases: readonly BasisRow[], tiers: readonly BenchmarkRow[]) {
  return {
    code: i.code,
    name: i.name,
    kind: i.kind,
    orgTypes: i.org_types,
    description: i.description,
    bases: bases.map((b) => ({ elementId: b.element_id, role: b.role })),
    benchmarks: tiers.map((t) => ({ level: t.level, circumstances: t.circumstances, penalties: t.penalties, amountMin: money(t.amount_min), amountMax: money(t.amount_max), note: t.note })),
  };
}
