import { defineErrors } from '../../platform/http/errors.ts';

export const dictionaryErrors = defineErrors({
  CODE_SET_NOT_FOUND: { status: 404, message: '代码集不存在' },
  CODE_SET_CODE_TAKEN: { status: 409, message: '代码集编码已存在' },
  CODE_SET_LOCKED: { status: 403, message: '该代码集执行国家或行业标准（或由系统使用），代码和名称不能增改，只能启用或停用' },
  CODE_ITEM_NOT_FOUND: { status: 404, message: '代码项不存在' },
  CODE_ITEM_CODE_TAKEN: { status: 409, message: '该代码集中已有此代码' },
  CODE_ITEM_PARENT_NOT_FOUND: { status: 400, message: '上级代码在该代码集中不存在' },
});
