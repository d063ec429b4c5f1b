import { defineErrors } from '../../../platform/http/errors.ts';

/**
 * A 文书 is produced whole or not at all: what is missing is told in `details` (the field, and for
 * the 决定书 the ADP-13 code the workflow uses, CASE_DECISION_CONTENT_INCOMPLETE).
 */
export const documentErrors = defineErrors({
  DOC_CONTENT_INCOMPLETE: { status: 400, message: '文书内容不完整，未生成' },
  DOC_FONT_MISSING: { status: 500, message: '未找到文书所用的中文字体（@embedpdf/fonts-sc），请执行 npm install 后重试' },
});
