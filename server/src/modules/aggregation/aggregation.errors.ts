import { defineErrors } from '../../platform/http/errors.ts';

export const aggregationErrors = defineErrors({
  AGG_LIBRARY_NOT_FOUND: { status: 400, message: '标准库不存在' },
  AGG_SOURCE_NOT_FOUND: { status: 404, message: '来源系统不存在' },
  AGG_SOURCE_CODE_TAKEN: { status: 409, message: '来源系统编码已存在' },
  AGG_BATCH_NOT_FOUND: { status: 404, message: '归集批次不存在' },
  AGG_BATCH_RUNNING: { status: 409, message: '批次仍在执行，结束后才能下载错误报告' },
  AGG_RECORD_NOT_FOUND: { status: 404, message: '记录不存在' },
  AGG_FILE_EMPTY: { status: 400, message: '上传的文件为空' },
  AGG_FILE_UNREADABLE: { status: 400, message: '文件无法读取' },
  AGG_COLUMNS_MISSING: { status: 400, message: '文件缺少标准库要求的列' },
  AGG_PUSH_BATCH_CONFLICT: { status: 409, message: '该批次号已用于其他标准库或内容' },
});
