import { chineseDate } from './chinese-figures.ts';
import { addressee, contactLine, contactRequired, partyRequired, penaltyRequired, penaltyText, requireContent, type Required } from './content.ts';
import type { NoticeData } from './document-data.ts';
import { DocumentWriter } from './pdf-layout.ts';

/** ADP-08: the workflow's code for a 告知书 without its facts, reasons, basis or rights. */
const CONTENT = 'CASE_NOTICE_CONTENT_INCOMPLETE';
/** ADP-09: the workflow's code for a triggered hearing right the 告知书 does not carry. */
const HEARING = 'CASE_HEARING_RIGHT_MISSING';

/**
 * 行政处罚事先告知书 (第四十四条): the proposed penalty with its facts, reasons and basis, the right
 * to 陈述、申辩 (第四十五条: no heavier penalty for using it) and, when the penalty triggers it
 * (ADP-09, 第六十三条), the right to a hearing requested within five working days (第六十四条,
 * 第八十五条).
 */
export function noticePdf(data: NoticeData): Promise<Buffer> {
  const items: Required[] = [
    { field: 'number', label: '文书编号', value: data.number, code: CONTENT },
    ...partyRequired(data.party, CONTENT),
    { field: 'facts', label: '违法事实', value: data.facts, code: CONTENT },
    { field: 'evidence', label: '证据', value: data.evidence, code: CONTENT },
    { field: 'reasons', label: '理由', value: data.reasons, code: CONTENT },
    { field: 'violated', label: '违反的法律、法规、规章', value: data.violated, code: CONTENT },
    { field: 'basis', label: '拟作出处罚的依据', value: data.basis, code: CONTENT },
    ...penaltyRequired(data.proposed, 'proposed', CONTENT),
    { field: 'statementDeadline', label: '陈述、申辩的期限', value: data.statementDeadline, code: CONTENT },
    ...contactRequired(data.contact, CONTENT),
    { field: 'date', label: '告知日期', value: data.date, code: CONTENT },
  ];
  if (data.hearingRight) items.push({ field: 'hearingRequestDue', label: '要求听证的期限', value: data.hearingRequestDue, code: HEARING });
  requireContent('行政处罚事先告知书', items);

  const you = addressee(data.party);
  return DocumentWriter.render({ title: '行政处罚事先告知书', agency: data.agency }, (w) => {
    w.heading(data.agency, '行政处罚事先告知书', data.number);
    w.paragraph(`${data.party.name}：`, { indent: false });
    w.paragraph(`经调查，本机关查明：${data.facts}`);
    w.paragraph(`上述事实有以下证据证明：${data.evidence.map((item, i) => `${i + 1}. ${item}`).join('；')}。`);
    w.paragraph(`本机关认为，${data.reasons}，违反了${data.violated}的规定。依据${data.basis}的规定，本机关拟对${you}作出如下行政处罚：`);
    w.paragraph(`${penaltyText(data.proposed)}。`, { bold: true });
    w.paragraph(
      `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${you}享有陈述、申辩的权利。` +
        `如有陈述、申辩意见，请于${chineseDate(data.statementDeadline)}前向本机关提出；逾期未提出的，视为放弃陈述、申辩的权利。` +
        `本机关不因${you}陈述、申辩而给予更重的处罚。`,
    );
    if (data.hearingRight && data.hearingRequestDue !== null) {
      w.paragraph(
        `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，${you}有权要求听证。` +
          `如要求听证，应当在收到本告知书之日起五个工作日内（即${chineseDate(data.hearingRequestDue)}前）向本机关提出；逾期未提出的，视为放弃听证权利。`,
      );
    }
    w.paragraph(contactLine(data.contact), { indent: false });
    w.signature(data.agency, data.date);
  });
}
