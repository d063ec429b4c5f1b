import { defineErrors } from '../../platform/http/errors.ts';

/**
 * The CONN_REMOTE_* codes describe what the other agency's API did; a pull records them on its
 * run (the run answers 202 and goes on in the background), and the CLI prints them.
 */
export const connectorErrors = defineErrors({
  CONN_NOT_FOUND: { status: 404, message: '接口连接器不存在' },
  CONN_CODE_TAKEN: { status: 409, message: '连接器编码已被使用（连接器编码同时是来源系统编码）' },
  CONN_CONFIG_INVALID: { status: 400, message: '连接器配置不正确' },
  CONN_MAPPING_INVALID: { status: 400, message: '字段映射不正确' },
  CONN_PAUSED: { status: 409, message: '连接器已停用，恢复后才能拉取' },
  CONN_RUN_IN_PROGRESS: { status: 409, message: '该连接器正在拉取，请等本次结束' },
  CONN_REMOTE_AUTH: { status: 502, message: '对方接口拒绝了本系统的凭据' },
  CONN_REMOTE_REFUSED: { status: 502, message: '对方接口返回了错误' },
  CONN_REMOTE_UNAVAILABLE: { status: 502, message: '对方接口暂时无法访问' },
  CONN_REMOTE_INVALID: { status: 502, message: '对方接口返回的数据无法识别' },
});
