import { defineErrors } from '../../platform/http/errors.ts';

export const ledgerErrors = defineErrors({
  LEDGER_LOG_NOT_FOUND: { status: 404, message: '存证日志不存在' },
  LEDGER_LOG_EXISTS: { status: 409, message: '存证日志名称已存在' },
  LEDGER_ENTRY_NOT_FOUND: { status: 404, message: '存证记录不存在' },
  LEDGER_SIZE_OUT_OF_RANGE: { status: 400, message: '树大小超出日志当前大小' },
  LEDGER_INDEX_OUT_OF_RANGE: { status: 400, message: '记录序号应小于树大小' },
  LEDGER_RANGE_INVALID: { status: 400, message: '一致性证明的起止大小不正确' },
  LEDGER_NO_CHECKPOINT: { status: 404, message: '日志尚无已签名的检查点' },
  LEDGER_ENTRY_INVALID: { status: 400, message: '存证记录内容不正确' },
  LEDGER_WITNESS_UNKNOWN: { status: 403, message: '不是本日志登记的见证方' },
  LEDGER_COSIGNATURE_INVALID: { status: 400, message: '见证签名无效' },
  LEDGER_WITNESS_EXISTS: { status: 409, message: '见证方名称已登记' },
  LEDGER_WITNESS_REFUSED: { status: 409, message: '拒绝联署：检查点无法验证或与此前所见不一致' },
  LEDGER_KEY_KIND_UNUSED: { status: 400, message: '该日志不使用这种签名算法' },
  LEDGER_VKEY_INVALID: { status: 400, message: '验证公钥格式不正确' },
});
