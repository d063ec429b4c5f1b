import { chineseDate } from './chinese-figures.ts';
import { addressee, contactLine, contactRequired, partyRequired, penaltyRequired, penaltyText, requireContent } from './content.ts';
import type { HearingNoticeData } from './document-data.ts';
import { DocumentWriter } from './pdf-layout.ts';

const HEARING = 'CASE_HEARING_RIGHT_MISSING';

/**
 * 行政处罚听证告知书 (ADP-09): the right to a hearing for the proposed penalty (第六十三条), the
 * request within five working days of this notice (第六十四条（一）, 第八十五条), and what
 * 第六十四条 promises: notice seven days ahead, a chair who did not investigate, recusal, one or
 * two agents, a public hearing; and no fee (第六十三条第二款).
 */
export function hearingNoticePdf(data: HearingNoticeData): Promise<Buffer> {
  requireContent('行政处罚听证告知书', [
    { field: 'number', label: '文书编号', value: data.number, code: HEARING },
    ...partyRequired(data.party, HEARING),
    { field: 'cause', label: '案由', value: data.cause, code: HEARING },
    ...penaltyRequired(data.proposed, 'proposed', HEARING),
    { field: 'basis', label: '拟作出处罚的依据', value: data.basis, code: HEARING },
    { field: 'hearingRequestDue', label: '要求听证的期限', value: data.hearingRequestDue, code: HEARING },
    ...contactRequired(data.contact, HEARING),
    { field: 'date', label: '告知日期', value: data.date, code: HEARING },
  ]);

  const you = addressee(data.party);
  return DocumentWriter.render({ title: '行政处罚听证告知书', agency: data.agency }, (w) => {
    w.heading(data.agency, '行政处罚听证告知书', data.number);
    w.paragraph(`${data.party.name}：`, { indent: false });
    w.paragraph(`关于${you}${data.cause}一案，本机关依据${data.basis}的规定，拟对${you}作出${penaltyText(data.proposed)}的行政处罚。`);
    w.paragraph(
      `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，${you}有权要求举行听证。` +
        `如要求听证，应当在收到本告知书之日起五个工作日内（即${chineseDate(data.hearingRequestDue)}前）向本机关提出；逾期未提出的，视为放弃听证权利。`,
    );
    w.paragraph(
      `本机关将在举行听证的七日前，通知${you}听证的时间、地点。听证由本机关指定的非本案调查人员主持；${you}认为主持人与本案有直接利害关系的，有权申请回避。` +
        `${you}可以亲自参加听证，也可以委托一至二人代理。除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行。${you}不承担本机关组织听证的费用。`,
    );
    w.paragraph(contactLine(data.contact), { indent: false });
    w.signature(data.agency, data.date);
  });
}
