import { chineseDate } from './chinese-figures.ts';
import { partyRequired, requireContent } from './content.ts';
import type { FilingApprovalData } from './document-data.ts';
import { DocumentWriter } from './pdf-layout.ts';

const CONTENT = 'DOC_FILING_CONTENT_INCOMPLETE';

/**
 * 立案审批表 (ADP-01, 第五十四条第二款): the case, the clue, the suspected breach and the handlers'
 * 执法证 (ADP-03), with the handler's, the unit's and the approving head's opinions. An internal
 * form: no seal, the head signs.
 */
export function filingApprovalPdf(data: FilingApprovalData): Promise<Buffer> {
  requireContent('立案审批表', [
    { field: 'number', label: '文书编号', value: data.number, code: CONTENT },
    { field: 'cause', label: '案由', value: data.cause, code: CONTENT },
    { field: 'source', label: '案件来源', value: data.source, code: CONTENT },
    { field: 'clueDate', label: '发现（受理）日期', value: data.clueDate, code: CONTENT },
    ...partyRequired(data.party, CONTENT),
    { field: 'summary', label: '简要案情', value: data.summary, code: CONTENT },
    { field: 'basis', label: '立案依据', value: data.basis, code: CONTENT },
    { field: 'handlers', label: '承办人', value: data.handlers.length >= 2 ? data.handlers.map((h) => h.certificateNo) : [], code: CONTENT },
    { field: 'handlerOpinion', label: '承办人意见', value: data.handlerOpinion, code: CONTENT },
    { field: 'unitOpinion', label: '承办机构意见', value: data.unitOpinion, code: CONTENT },
    { field: 'approval.opinion', label: '负责人审批意见', value: data.approval.opinion, code: CONTENT },
    { field: 'approval.approver', label: '审批人', value: data.approval.approver, code: CONTENT },
    { field: 'approval.date', label: '审批日期', value: data.approval.date, code: CONTENT },
  ]);

  const party = data.party;
  const idLabel = party.kind === 'citizen' ? '公民身份号码' : '统一社会信用代码';
  const partyText = [
    party.name,
    `${idLabel}：${party.idNumber}`,
    ...(party.representative ? [`法定代表人（负责人）：${party.representative}`] : []),
    `${party.kind === 'citizen' ? '住址' : '住所'}：${party.address}`,
  ].join('\n');
  return DocumentWriter.render({ title: '立案审批表', agency: data.agency }, (w) => {
    w.heading(data.agency, '立案审批表', data.number);
    w.table([
      { label: '案由', value: data.cause },
      { label: '案件来源', value: `${data.source}（${chineseDate(data.clueDate)}）` },
      { label: '当事人', value: partyText },
      { label: '简要案情', value: data.summary },
      { label: '立案依据', value: data.basis },
      { label: '承办人', value: data.handlers.map((h) => `${h.name}（执法证号 ${h.certificateNo}）`).join('\n') },
      { label: '承办人意见', value: data.handlerOpinion },
      { label: '承办机构\n意见', value: data.unitOpinion },
      { label: '负责人\n审批意见', value: `${data.approval.opinion}\n\n审批人：${data.approval.approver}\u3000\u3000${chineseDate(data.approval.date)}`, minHeight: 70 },
    ]);
  });
}
