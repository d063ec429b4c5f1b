/**
 * Who may act (ADP-03, ADP-04).
 * - ADP-03 行政处罚法第四十二条第一款: "执法人员不得少于两人，法律另有规定的除外。"; 第五十五条: certificates
 *   shown, a 笔录 made. An officer counts only with a certificate that is active and in its validity
 *   period on the day of the act.
 * - ADP-04 第四十三条: an officer with an interest "应当回避"; a party's application is decided by the
 *   agency head, "决定作出之前，不停止调查" — so a pending application stops a decision, not an act.
 */
import { certificateStanding } from '../enforcement.rules.ts';
import type { ActInput, CaseFacts, OfficerInput, Violation } from './case-facts.ts';

export const ADP03 = 'ADP-03（行政处罚法第四十二条第一款、第五十五条）';
const ADP04 = 'ADP-04（行政处罚法第四十三条）';
const MIN_OFFICERS = 2;

export function certificateValidOn(o: OfficerInput, date: string): boolean {
  return certificateStanding(o, date).standing === 'valid';
}

/** Why the officer cannot act on `date` (the registry's own standing of the 执法证), or null. */
function certificateProblem(o: OfficerInput | undefined, date: string): string | null {
  if (!o) return '不在执法人员名录中';
  const { standing, reason } = certificateStanding(o, date);
  return standing === 'valid' ? null : `${reason}（执法证 ${o.certificateNo}）`;
}

/**
 * ADP-03 and ADP-04 for the officers of one act or decision on `date`. `stage` 'decision' also
 * refuses an officer whose recusal application is still pending.
 */
export function officerRules(facts: Pick<CaseFacts, 'officers' | 'recusals'>, officerIds: readonly string[], date: string, field: string, stage: 'act' | 'decision'): Violation[] {
  const out: Violation[] = [];
  const ids = [...new Set(officerIds)];
  let valid = 0;
  ids.forEach((id) => {
    const problem = certificateProblem(facts.officers.find((o) => o.officerId === id), date);
    if (problem) {
      out.push({ code: 'CASE_OFFICER_CERTIFICATE_INVALID', rule: ADP03, field, message: `执法人员 ${id} 在 ${date} ${problem}，不能实施执法行为（${ADP03}）` });
    } else {
      valid += 1;
    }
    const blocking = facts.recusals.find((r) => r.officerId === id && (r.outcome === 'granted' || (r.source === 'declared' && r.outcome !== 'rejected') || (stage === 'decision' && r.outcome === 'pending')));
    if (blocking) {
      const why = blocking.outcome === 'granted' ? '已决定回避' : blocking.source === 'declared' ? '已申报利害关系' : '回避申请尚待行政机关负责人决定';
      out.push({ code: 'CASE_OFFICER_RECUSED', rule: ADP04, field, message: `执法人员 ${id} ${why}，不能参与本案${stage === 'decision' ? '决定' : '调查'}（${ADP04}）` });
    }
  });
  if (valid < MIN_OFFICERS) {
    out.push({ code: 'CASE_OFFICERS_TOO_FEW', rule: ADP03, field, message: `持有效执法证的执法人员只有 ${valid} 名，执法人员不得少于两人（${ADP03}）` });
  }
  return out;
}

/** ADP-03/04 for one investigation act: officers on its date, and the 笔录. */
export function actRules(facts: Pick<CaseFacts, 'officers' | 'recusals'>, act: ActInput, index: number): Violation[] {
  const out = officerRules(facts, act.officerIds, act.date, `acts.${index}.officerIds`, 'act');
  if (!act.recordAttached) {
    out.push({ code: 'CASE_ACT_RECORD_MISSING', rule: ADP03, field: `acts.${index}.recordAttached`, message: `${act.kind}（${act.date}）没有笔录：询问或者检查应当制作笔录（${ADP03}）` });
  }
  return out;
}
