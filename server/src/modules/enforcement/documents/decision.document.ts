import { partyLines, partyRequired, penaltyRequired, penaltyText, requireContent, type Required } from './content.ts';
import type { DecisionData } from './document-data.ts';
import { DocumentWriter } from './pdf-layout.ts';

/** ADP-13: the workflow's code for a missing 第五十九条 item. */
const CONTENT = 'CASE_DECISION_CONTENT_INCOMPLETE';

/**
 * 行政处罚决定书 (第五十九条): (一) 当事人; (二) 违法事实和证据; (三) 种类和依据; (四) 履行方式和期限
 * (第六十七条: 15 days from receipt) with the surcharge standard for a fine (ADP-20, 行政强制法第四十五条);
 * (五) 复议 (行政复议法第二十条: 60 days) and 诉讼 (行政诉讼法第四十六条: 6 months); (六) agency and
 * date; the seal placeholder.
 */
export function decisionPdf(data: DecisionData): Promise<Buffer> {
  const items: Required[] = [
    { field: 'number', label: '文书编号', value: data.number, code: CONTENT },
    ...partyRequired(data.party, CONTENT),
    { field: 'facts', label: '违法事实', value: data.facts, code: CONTENT },
    { field: 'evidence', label: '证据', value: data.evidence, code: CONTENT },
    { field: 'violated', label: '违反的法律、法规、规章', value: data.violated, code: CONTENT },
    { field: 'basis', label: '行政处罚的依据', value: data.basis, code: CONTENT },
    ...penaltyRequired(data.penalty, 'penalty', CONTENT),
    { field: 'reviewOrgan', label: '行政复议机关', value: data.reviewOrgan, code: CONTENT },
    { field: 'court', label: '行政诉讼的人民法院', value: data.court, code: CONTENT },
    { field: 'agency', label: '作出决定的行政机关名称', value: data.agency, code: CONTENT },
    { field: 'date', label: '作出决定的日期', value: data.date, code: CONTENT },
  ];
  const pays = data.penalty.fine !== null || data.penalty.confiscation !== null;
  if (pays) items.push({ field: 'payment', label: '履行方式（缴款银行或者电子支付系统）', value: data.payment, code: CONTENT });
  requireContent('行政处罚决定书', items);

  return DocumentWriter.render({ title: '行政处罚决定书', agency: data.agency }, (w) => {
    w.heading(data.agency, '行政处罚决定书', data.number);
    for (const line of partyLines(data.party)) w.paragraph(line, { indent: false });
    w.paragraph(`经查，${data.facts}`);
    w.paragraph('以上事实有下列证据证明：');
    data.evidence.forEach((item, i) => w.paragraph(`${i + 1}. ${item}`));
    if (data.procedure.trim() !== '') w.paragraph(data.procedure);
    w.paragraph(`本机关认为，当事人的上述行为违反了${data.violated}的规定。依据${data.basis}的规定，本机关决定对当事人作出如下行政处罚：`);
    w.paragraph(`${penaltyText(data.penalty)}。`, { bold: true });
    if (pays) {
      w.paragraph(`当事人应当自收到本决定书之日起十五日内，${data.payment}。`);
    } else {
      w.paragraph('本决定自送达之日起执行。');
    }
    if (data.penalty.fine !== null) {
      w.paragraph('到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。');
    }
    w.paragraph(
      `当事人如不服本决定，可以自收到本决定书之日起六十日内向${data.reviewOrgan}申请行政复议，也可以自收到本决定书之日起六个月内依法向${data.court}提起行政诉讼。` +
        '行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。',
    );
    w.paragraph('当事人逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。');
    w.signature(data.agency, data.date);
  });
}
