/**
 * Org types of the judicial-administration system (机构类型). Served as the `org_type` code set by
 * the dictionary; the bureau levels follow 司法部 → 省司法厅 → 市司法局 → 县(区)司法局 → 司法所.
 */
export const ORG_TYPES = [
  { code: 'ministry', label: '司法部' },
  { code: 'province_dept', label: '省级司法厅（局）' },
  { code: 'city_bureau', label: '市级司法局' },
  { code: 'county_bureau', label: '县级司法局' },
  { code: 'justice_office', label: '司法所' },
  { code: 'prison', label: '监狱' },
  { code: 'drug_rehab', label: '戒毒所' },
  { code: 'legal_aid_center', label: '法律援助中心' },
  { code: 'notary_office', label: '公证机构' },
  { code: 'appraisal_center', label: '司法鉴定机构' },
  { code: 'affiliated_unit', label: '其他直属单位' },
] as const;

export type OrgType = (typeof ORG_TYPES)[number]['code'];

const LABELS = new Map<string, string>(ORG_TYPES.map((t) => [t.code, t.label]));

export function orgTypeLabel(code: string): string {
  return LABELS.get(code) ?? code;
}

export function isOrgType(code: string): code is OrgType {
  return LABELS.has(code);
}
