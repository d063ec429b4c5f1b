import type { ErrorDetail } from '../../../platform/http/errors.ts';
import { amountText } from './chinese-figures.ts';
import type { ContactData, PartyData, PenaltyData } from './document-data.ts';
import { documentErrors } from './documents.errors.ts';

/**
 * The wording shared by the 文书 and the check that runs before any drawing: a 文书 missing a
 * required item is refused whole (DOC_CONTENT_INCOMPLETE), never printed with a gap.
 */
export interface Required {
  field: string;
  /** what the clerk reads: 违法事实, 复议机关… */
  label: string;
  value: string | number | null | readonly unknown[];
  /** the finer code in details, a workflow rule's own when it has one (ADP-13) */
  code: string;
}

function missing(value: Required['value']): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !(value > 0);
  return value.length === 0 || value.some((item) => typeof item === 'string' && item.trim() === '');
}

export function requireContent(document: string, items: Required[]): void {
  const details: ErrorDetail[] = items
    .filter((item) => missing(item.value))
    .map((item) => ({ code: item.code, field: item.field, message: `${document}缺少${item.label}` }));
  if (details.length > 0) throw documentErrors.DOC_CONTENT_INCOMPLETE(undefined, details);
}

/** The party's name, id, address and (organisation) representative must all be there. */
export function partyRequired(party: PartyData, code: string): Required[] {
  const items: Required[] = [
    { field: 'party.name', label: '当事人名称（姓名）', value: party.name, code },
    { field: 'party.idNumber', label: party.kind === 'citizen' ? '公民身份号码' : '统一社会信用代码', value: party.idNumber, code },
    { field: 'party.address', label: party.kind === 'citizen' ? '住址' : '住所', value: party.address, code },
  ];
  if (party.kind === 'organisation') items.push({ field: 'party.representative', label: '法定代表人（负责人）', value: party.representative, code });
  return items;
}

/** A fine or confiscation named among the kinds needs its amount (ADP-13 (三)). */
export function penaltyRequired(penalty: PenaltyData, field: string, code: string): Required[] {
  const items: Required[] = [{ field: `${field}.kinds`, label: '行政处罚的种类', value: penalty.kinds, code }];
  if (penalty.kinds.includes('罚款')) items.push({ field: `${field}.fine`, label: '罚款数额', value: penalty.fine, code });
  if (penalty.kinds.some((kind) => kind.startsWith('没收'))) {
    items.push({ field: `${field}.confiscation`, label: '没收的数额或者价值', value: penalty.confiscation, code });
  }
  return items;
}

export function partyLines(party: PartyData): string[] {
  if (party.kind === 'citizen') return [`当事人：${party.name}`, `公民身份号码：${party.idNumber}`, `住址：${party.address}`];
  return [`当事人：${party.name}`, `统一社会信用代码：${party.idNumber}`, `法定代表人（负责人）：${party.representative ?? ''}`, `住所：${party.address}`];
}

/** 警告、罚款人民币5,000元（大写：人民币伍仟元整） */
export function penaltyText(penalty: PenaltyData): string {
  return penalty.kinds
    .map((kind) => {
      if (kind === '罚款' && penalty.fine !== null) return `罚款${amountText(penalty.fine)}`;
      if (kind.startsWith('没收') && penalty.confiscation !== null) return `${kind}${amountText(penalty.confiscation)}`;
      return kind;
    })
    .join('、');
}

/** 你 or 你单位, as the 文书 addresses the party. */
export function addressee(party: PartyData): string {
  return party.kind === 'citizen' ? '你' : '你单位';
}

/** Where the party sends 陈述、申辩 or a hearing request. */
export function contactRequired(contact: ContactData, code: string): Required[] {
  return [
    { field: 'contact.person', label: '联系人', value: contact.person, code },
    { field: 'contact.phone', label: '联系电话', value: contact.phone, code },
    { field: 'contact.address', label: '联系地址', value: contact.address, code },
  ];
}

export function contactLine(contact: ContactData): string {
  return `联系人：${contact.person}\u3000\u3000联系电话：${contact.phone}\n联系地址：${contact.address}`;
}
