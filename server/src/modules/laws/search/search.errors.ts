import { defineErrors } from '../../../platform/http/errors.ts';

export const lawSearchErrors = defineErrors({
  LAW_SEARCH_NO_TERMS: { status: 400, message: '检索词中没有可检索的汉字、字母或数字' },
  LAW_SEARCH_QUERY_TOO_LONG: { status: 400, message: '检索词过长，最多 100 个字符' },
  LAW_SEARCH_DATE_INVALID: { status: 400, message: '日期应为 YYYY-MM-DD 格式的有效日期' },
});
