/** What each data-element kind accepts, in words (the validators are in server/src/modules/standards). */
export const elementKindLabels: Record<string, string> = {
  text: '文本',
  'person-name': '姓名',
  'id-number': '公民身份号码',
  'credit-code': '统一社会信用代码',
  phone: '电话号码',
  date: '日期',
  code: '代码',
  integer: '整数',
  decimal: '小数',
  identifier: '编号',
};

export const kindLabel = (kind: string) => elementKindLabels[kind] ?? kind;
