import { defineErrors } from '../../platform/http/errors.ts';

export const lawErrors = defineErrors({
  LAW_FILE_NOT_FOUND: { status: 400, message: '找不到要导入的法规文件或目录' },
  LAW_FILE_UNREADABLE: { status: 400, message: '法规文件无法读取' },
  LAW_NOT_FOUND: { status: 404, message: '法规版本不存在' },
  LAW_ELEMENT_NOT_FOUND: { status: 404, message: '法规条文不存在' },
});
