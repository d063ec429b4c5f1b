import { defineErrors } from '../../platform/http/errors.ts';

export const sharingErrors = defineErrors({
  SHARE_RESOURCE_NOT_FOUND: { status: 404, message: '共享资源不存在' },
  SHARE_RESOURCE_EXISTS: { status: 409, message: '共享资源编码已存在' },
  SHARE_RESOURCE_INVALID: { status: 400, message: '共享资源定义不正确' },
  SHARE_CONSUMER_NOT_FOUND: { status: 404, message: '调用方不存在' },
  SHARE_CONSUMER_EXISTS: { status: 409, message: '调用方名称已存在' },
  SHARE_KEY_INVALID: { status: 400, message: '调用方公钥不正确' },
  SHARE_FIELDS_INVALID: { status: 400, message: '申请或授权的字段不属于该资源' },
  SHARE_NOT_SHAREABLE: { status: 409, message: '该资源不予共享' },
  SHARE_REQUEST_NOT_FOUND: { status: 404, message: '共享申请不存在' },
  SHARE_REQUEST_DECIDED: { status: 409, message: '共享申请已处理' },
  SHARE_GRANT_NOT_FOUND: { status: 404, message: '授权不存在' },
});
