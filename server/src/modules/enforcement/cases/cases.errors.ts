import { defineErrors } from '../../../platform/http/errors.ts';

/**
 * Top-level codes of cases. Which rule a refused move breaks is told in `details`, one entry per
 * rule with its own code (CASE_OFFICERS_TOO_FEW, CASE_NOTICE_NOT_SERVED…, workflow/README.md),
 * the field at fault and a Chinese message naming the rule id.
 */
export const caseErrors = defineErrors({
  CASE_NOT_FOUND: { status: 404, message: '案件不存在或不在您的数据范围内' },
  CASE_INVALID: { status: 400, message: '案件信息有误，未保存' },
  CASE_PART_LOCKED: { status: 409, message: '案件已过该环节，相关记录不能再修改' },
  CASE_CHANGED: { status: 409, message: '案件已被他人修改，请刷新后重试' },
  CASE_MOVE_REFUSED: { status: 409, message: '案件不符合办案规则，不能进入该环节' },
});
