import { defineErrors } from '../../platform/http/errors.ts';

export const standardsErrors = defineErrors({
  STANDARD_LIBRARY_NOT_FOUND: { status: 404, message: '标准库不存在' },
});
