import type { AdminKind, DataScope, LoginResult } from '../../api/types';

export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部',
  subtree: '本机构及下级',
  org: '本机构',
  self: '仅本人',
};

/** 三员分立 (SEC-18): each administrator post is held by a different role. */
export const adminKindLabels: Record<AdminKind, string> = {
  system: '系统管理员',
  security: '安全管理员',
  audit: '审计管理员',
};

/** Chinese names of the audit actions the console knows; others are shown by their code. */
export const auditActionLabels: Record<string, string> = {
  'auth.lockout': '账号锁定',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'org.import-divisions': '导入行政区划',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.assign-roles': '分配角色',
  'user.unlock': '解锁账号',
  'user.reset-password': '重置密码',
  'user.change-password': '修改密码',
  'user.read-personal': '查看完整个人信息',
  'role.create': '新建角色',
  'role.update': '修改角色',
};

/** Chinese names of the fields audit `changes` mention; unknown fields are shown as written. */
export const auditFieldLabels: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  orgId: '所属机构',
  parentId: '上级机构',
  roles: '角色',
  dataScope: '数据范围',
  status: '状态',
  phone: '手机号',
  name: '名称',
  type: '类型',
  regionCode: '行政区划代码',
  creditCode: '统一社会信用代码',
  code: '编码',
  description: '说明',
  permissions: '权限',
  lockedUntil: '锁定至',
  failures: '失败次数',
};

export const loginResultTags: Record<LoginResult, { label: string; color: string }> = {
  success: { label: '登录成功', color: 'success' },
  bad_password: { label: '密码错误', color: 'error' },
  locked: { label: '账号锁定', color: 'volcano' },
  unknown_user: { label: '用户不存在', color: 'warning' },
  disabled: { label: '账号停用', color: 'magenta' },
  logout: { label: '退出登录', color: 'default' },
  timeout: { label: '会话超时', color: 'processing' },
};
