import { defineErrors } from '../../platform/http/errors.ts';

/**
 * Top-level codes of subjects and officers. What is wrong inside a subject or a file is told in
 * `details` with a finer code (ENF_SUBDELEGATION, ENF_IMPORT_CELL_INVALID…), the field and, for a
 * file, the row.
 */
export const enforcementErrors = defineErrors({
  ENF_SUBJECT_NOT_FOUND: { status: 404, message: '执法主体不存在' },
  ENF_SUBJECT_EXISTS: { status: 409, message: '该机构已登记为执法主体' },
  ENF_SUBJECT_INVALID: { status: 400, message: '执法主体不符合规则，未保存' },
  ENF_ORG_NOT_FOUND: { status: 404, message: '机构不存在或不在您的数据范围内' },
  ENF_OFFICER_NOT_FOUND: { status: 404, message: '执法人员不存在' },
  ENF_OFFICER_INVALID: { status: 400, message: '执法人员信息不符合规则，未保存' },
  ENF_CERTIFICATE_TAKEN: { status: 409, message: '执法证号已被登记' },
  ENF_PERSON_TAKEN: { status: 409, message: '该公民身份号码已登记为执法人员' },
  ENF_STATUS_TRANSITION: { status: 409, message: '执法证当前状态不允许该操作' },
  ENF_IMPORT_UNREADABLE: { status: 400, message: '文件不是可读取的 XLSX 工作簿' },
  ENF_IMPORT_INVALID: { status: 400, message: '导入文件有误，未导入任何数据' },
});
