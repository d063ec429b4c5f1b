/**
 * Whether a case may be opened, and how it leaves for the judicial organs.
 * - ADP-22 行政处罚法第三十六条: "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全
 *   且有危害后果的，上述期限延长至五年。" counted "从行为终了之日起". Discovered after the period ⇒ no 立案.
 * - ADP-29 第二十七条第一款: "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关" — a transfer names the
 *   receiving organ and the reason.
 */
import type { CaseFacts, Violation } from './case-facts.ts';
import { addYears } from './dates.ts';

const ADP22 = 'ADP-22（行政处罚法第三十六条）';
const ADP29 = 'ADP-29（行政处罚法第二十七条第一款）';

/** The last day on which the act can still be discovered (二年 / 五年 from the act's end). */
export function limitationEnd(actEndDate: string, lifeHealthOrFinancialHarm: boolean): string {
  return addYears(actEndDate, lifeHealthOrFinancialHarm ? 5 : 2);
}

/** ADP-22 at 立案: discovered (or, without a recorded discovery, filed) within the period. */
export function limitationRules(facts: CaseFacts, filingDate: string): Violation[] {
  const discovered = facts.discoveredDate ?? filingDate;
  const end = limitationEnd(facts.actEndDate, facts.lifeHealthOrFinancialHarm);
  if (discovered <= end) return [];
  const years = facts.lifeHealthOrFinancialHarm ? '五' : '二';
  return [{ code: 'CASE_LIMITATION_EXPIRED', rule: ADP22, field: 'discoveredDate', message: `违法行为 ${facts.actEndDate} 终了，${discovered} 才被发现，已超过${years}年（至 ${end}），不再给予行政处罚（${ADP22}）` }];
}

/** ADP-29: the transfer names the judicial organ and why a crime is suspected. */
export function transferRules(facts: CaseFacts): Violation[] {
  const t = facts.transfer;
  if (t !== null && t.organ.trim() !== '' && t.reason.trim() !== '') return [];
  return [{ code: 'CASE_TRANSFER_INCOMPLETE', rule: ADP29, field: 'transfer', message: `移送须写明接收的司法机关和涉嫌犯罪的理由（${ADP29}）` }];
}
