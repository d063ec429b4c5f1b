/**
 * The facts the workflow rules judge, gathered from a case row and the registries: each officer's
 * 执法证 as the officer registry holds it (ADP-03), the reviewer's qualification and earlier
 * reviews (ADP-11), the cited item's benchmark tier (ADP-23) and the level of its basis (ADP-10).
 * Nothing here decides; it only reads.
 */
import type { BenchmarkLevel } from '../../power-list/power-list.tables.ts';
import type { CaseFacts, OfficerInput } from '../workflow/index.ts';
import { certificatesOf, itemOf, reviewsBy, type CaseRow, type Db } from './cases.queries.ts';
import type { CaseRecord } from './cases.tables.ts';

/** Installations of a 司法厅/局: the sector of the ADP-10 hearing thresholds. */
export const SECTOR = '司法行政';

/** Every officer the record names, once. */
export function officersNamed(r: CaseRecord): number[] {
  return [...new Set([
    ...r.officerIds,
    ...r.acts.flatMap((a) => a.officerIds),
    ...(r.decision?.officerIds ?? []),
    ...r.recusals.map((x) => x.officerId),
    ...(r.hearing?.chairId ? [r.hearing.chairId] : []),
    ...(r.collectiveDiscussion?.attendeeIds ?? []),
    ...(r.legalReview ? [r.legalReview.reviewerId] : []),
  ])];
}

export type CaseItem = NonNullable<Awaited<ReturnType<typeof itemOf>>>;

/** The tier of the item at `level`, as the workflow's BenchmarkTier (null: no tier applied or none such). */
export function benchmarkTier(item: CaseItem | undefined, level: BenchmarkLevel | null) {
  const tier = item && level ? item.benchmarks.find((b) => b.level === level) : undefined;
  if (!item || !tier) return null;
  const amount = (v: string | null) => (v === null ? null : Number(v));
  return { itemCode: item.code, level: tier.level, amountMin: amount(tier.amount_min), amountMax: amount(tier.amount_max) };
}

/** What of a case row the rules read. */
export type FactsRow = Pick<CaseRow,
  'state' | 'party_kind' | 'party_id_number' | 'sector' | 'province' | 'act_end_date' | 'life_health_harm' | 'discovered_date' | 'filed_date' | 'record'>;

/** The registry's side: the named officers' certificates and the reviewer's earlier reviews. */
export interface RegistryFacts {
  certificates: readonly Certificate[];
  priorReviews: number;
}

export type Certificate = Awaited<ReturnType<typeof certificatesOf>>[number];

export async function gatherFacts(db: Db, row: FactsRow & Pick<CaseRow, 'id'>, item: CaseItem | undefined): Promise<CaseFacts> {
  const r = row.record;
  const certificates = await certificatesOf(db, officersNamed(r));
  const priorReviews = r.legalReview ? await reviewsBy(db, r.legalReview.reviewerId, row.id) : 0;
  return factsOf(row, item, { certificates, priorReviews });
}

/** The workflow's facts of a case, pure: the demo builds them from rows it has not written yet. */
export function factsOf(row: FactsRow, item: CaseItem | undefined, registry: RegistryFacts): CaseFacts {
  const r = row.record;
  const { certificates } = registry;
  const officers: OfficerInput[] = certificates.map((o) => ({
    officerId: String(o.id), certificateNo: o.certificate_no, status: o.status, statusOn: o.status_on, issuedOn: o.issued_on, expiresOn: o.expires_on,
  }));
  const reviewer = r.legalReview ? certificates.find((o) => o.id === r.legalReview?.reviewerId) : undefined;
  const ids = (xs: readonly number[]) => xs.map(String);
  return {
    state: row.state,
    party: { kind: row.party_kind, idNumber: row.party_kind === 'citizen' ? row.party_id_number : null },
    sector: row.sector,
    province: row.province,
    basisLevel: item?.basisLevel ?? '*',
    actEndDate: row.act_end_date,
    lifeHealthOrFinancialHarm: row.life_health_harm,
    discoveredDate: row.discovered_date,
    filedDate: row.filed_date,
    officers,
    recusals: r.recusals.map((x) => ({ ...x, officerId: String(x.officerId) })),
    acts: r.acts.map((a, i) => ({ id: String(i + 1), kind: a.kind, date: a.date, officerIds: ids(a.officerIds), recordAttached: a.recordAttached })),
    notice: r.notice,
    hearing: r.hearing && { ...r.hearing, chairId: r.hearing.chairId === null ? null : String(r.hearing.chairId) },
    legalReviewGrounds: r.legalReviewGrounds,
    legalReview: r.legalReview && {
      reviewerId: String(r.legalReview.reviewerId),
      date: r.legalReview.date,
      result: r.legalReview.result,
      priorReviews: registry.priorReviews,
      hasLegalQualification: reviewer?.legal_qualification ?? false,
    },
    collectiveDiscussionRequired: r.collectiveDiscussionRequired,
    collectiveDiscussion: r.collectiveDiscussion && { ...r.collectiveDiscussion, attendeeIds: ids(r.collectiveDiscussion.attendeeIds) },
    decision: r.decision && {
      date: r.decision.date,
      officerIds: ids(r.decision.officerIds),
      penalty: r.decision.penalty,
      content: r.decision.content,
      minorMitigation: r.decision.minorMitigation,
      benchmark: benchmarkTier(item, r.decision.benchmarkLevel),
      outsideBenchmarkReason: r.decision.outsideBenchmarkReason,
    },
    transfer: r.transfer,
    service: r.service,
    pauses: r.pauses,
    extensionDays: r.extensionDays,
    preservations: r.preservations,
    paidDate: r.paidDate,
    reviewPeriods: r.reviewPeriods,
    publicationRequired: r.publicationRequired,
    publishedDate: r.publishedDate,
    publicationWithdrawal: r.publicationWithdrawal,
  };
}
