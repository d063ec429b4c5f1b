import type { ServiceMethod } from '../workflow/index.ts';
import { chineseDate } from './chinese-figures.ts';
import { requireContent } from './content.ts';
import type { ServiceReceiptData } from './document-data.ts';
import { DocumentWriter } from './pdf-layout.ts';

const CONTENT = 'DOC_SERVICE_CONTENT_INCOMPLETE';

/** 民事诉讼法 第八十七条–第九十五条 as 第六十一条 applies them (ADP-15). */
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  'in-person': '直接送达',
  'left-at-residence': '留置送达',
  post: '邮寄送达',
  entrusted: '委托送达',
  electronic: '电子送达',
  announcement: '公告送达',
};

/**
 * 送达回证 (ADP-15): which 文书 went to whom, where, how and when, with room for the recipient's
 * signature or seal and the date of receipt, which the recipient writes by hand.
 */
export function serviceReceiptPdf(data: ServiceReceiptData): Promise<Buffer> {
  requireContent('送达回证', [
    { field: 'number', label: '文书编号', value: data.number, code: CONTENT },
    { field: 'recipient', label: '受送达人', value: data.recipient, code: CONTENT },
    { field: 'documents', label: '送达文书', value: data.documents.map((d) => d.title), code: CONTENT },
    { field: 'place', label: '送达地点', value: data.place, code: CONTENT },
    { field: 'servers', label: '送达人', value: data.servers.length >= 2 ? data.servers : [], code: CONTENT },
    { field: 'date', label: '送达日期', value: data.date, code: CONTENT },
  ]);

  return DocumentWriter.render({ title: '送达回证', agency: data.agency }, (w) => {
    w.heading(data.agency, '送达回证', data.number);
    w.table([
      { label: '受送达人', value: data.recipient },
      { label: '送达文书\n名称、文号', value: data.documents.map((d) => `${d.title}（${d.number}）`).join('\n') },
      { label: '送达地点', value: data.place },
      { label: '送达方式', value: SERVICE_METHOD_LABELS[data.method] },
      { label: '收件人\n签名或盖章', value: '\n\n\n　　　　　　　　　　　　　　　　年　　月　　日', minHeight: 85 },
      { label: '送达人', value: data.servers.join('、') },
      { label: '送达日期', value: chineseDate(data.date) },
      { label: '备注', value: data.note, minHeight: 60 },
    ]);
  });
}
