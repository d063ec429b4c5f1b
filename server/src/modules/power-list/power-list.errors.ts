import { defineErrors } from '../../platform/http/errors.ts';

/**
 * Top-level codes of the power list. What is wrong inside an item or a file is told in `details`
 * with a finer code (POWER_BASIS_UNKNOWN, POWER_TIER_ORDER…, see power-list.rules.ts), the field,
 * and for a file the sheet column and row.
 */
export const powerListErrors = defineErrors({
  POWER_ITEM_NOT_FOUND: { status: 404, message: '执法事项不存在' },
  POWER_ITEM_CODE_TAKEN: { status: 409, message: '事项编码已存在' },
  POWER_ITEM_INVALID: { status: 400, message: '执法事项不符合规则，未保存' },
  POWER_BASIS_NOT_FOUND: { status: 404, message: '该事项没有这条依据' },
  POWER_IMPORT_UNREADABLE: { status: 400, message: '文件不是可读取的 XLSX 工作簿' },
  POWER_IMPORT_INVALID: { status: 400, message: '导入文件有误，未导入任何数据' },
});
