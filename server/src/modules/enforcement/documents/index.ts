/**
 * 行政处罚 文书 (issue 8 point 5): 立案审批表, 事先告知书, 听证告知书, 决定书, 送达回证 as A4 PDFs
 * in Chinese from the case's data, refused whole when a required item is missing. See README.md.
 */
export { amountInCapitals, amountInFigures, amountText, chineseDate } from './chinese-figures.ts';
export type {
  ContactData, DecisionData, DocumentHeader, FilingApprovalData, HearingNoticeData, NoticeData, PartyData, PenaltyData,
  ServiceReceiptData,
} from './document-data.ts';
export { documentErrors } from './documents.errors.ts';
export { decisionPdf } from './decision.document.ts';
export { filingApprovalPdf } from './filing-approval.document.ts';
export { hearingNoticePdf } from './hearing-notice.document.ts';
export { noticePdf } from './notice.document.ts';
export { SERVICE_METHOD_LABELS, serviceReceiptPdf } from './service-receipt.document.ts';
