import { z } from 'zod';
import { DATA_SCOPES } from '../../platform/authz/scope.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { plainText, descriptionText } from '../../platform/http/text.ts';

export const dataScope = z.enum(DATA_SCOPES as unknown as ['all', 'subtree', 'org', 'self']);
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- auth
export const username = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32 位字母、数字、下划线、点或连字符');
const anyPassword = z.string().min(1).max(128);

export const loginBody = z.strictObject({ username: z.string().trim().min(1).max(64), password: anyPassword });
export const changePasswordBody = z.strictObject({ oldPassword: anyPassword, newPassword: anyPassword });

export const sessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  dataScope,
});

// ---- orgs
export const org = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  regionCode: z.string(),
  creditCode: z.string().nullable(),
  parentId: z.number().nullable(),
  depth: z.number(),
});
export interface OrgTreeNodeShape extends z.infer<typeof org> {
  children: OrgTreeNodeShape[];
}
// Recursive: registered with an id so OpenAPI carries it as a named component ($ref to itself).
export const orgTreeNode: z.ZodType<OrgTreeNodeShape> = org
  .extend({ children: z.lazy(() => z.array(orgTreeNode)) })
  .register(z.globalRegistry, { id: 'OrgTreeNode' });

const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
const creditCode = z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位数字或大写字母');
const orgType = z.string().regex(/^[a-z_]{2,40}$/, '机构类型编码不正确');

export const orgQuery = z.strictObject({
  ...pageQuery,
  parentId: z.coerce.number().int().positive().optional(),
  q: plainText(50).optional(),
  type: orgType.optional(),
});
export const orgCreateBody = z.strictObject({
  parentId: z.number().int().positive(),
  name: plainText(100),
  type: orgType,
  regionCode,
  creditCode: creditCode.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const orgPatchBody = orgCreateBody.partial();

// ---- users
export const user = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  mustChangePassword: z.boolean(),
  dataScope,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
const phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位中国大陆手机号');
// GB 11643-1999 shape; the check digit is validated by the person standards, not by accounts.
const idNumber = z.string().toUpperCase().regex(/^\d{17}[\dX]$/, '公民身份号码应为 18 位');
const roleCode = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, '角色编码不正确');
const roleCodes = z.array(roleCode).min(1).max(20);

export const userQuery = z.strictObject({
  ...pageQuery,
  orgId: z.coerce.number().int().positive().optional(),
  includeSubtree: boolQuery.optional(),
  q: plainText(50).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const userCreateBody = z.strictObject({
  username,
  displayName: plainText(50),
  orgId: z.number().int().positive(),
  // Roles and a scope override are grants: only the security post gives them (SEC-18).
  roleCodes: z.array(roleCode).max(20).optional(),
  password: anyPassword,
  phone: phone.nullable().optional(),
  idNumber: idNumber.nullable().optional(),
  dataScope: dataScope.optional(),
});
export const userPatchBody = z.strictObject({
  displayName: plainText(50).optional(),
  orgId: z.number().int().positive().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  phone: phone.nullable().optional(),
});
export const userRolesBody = z.strictObject({ roleCodes });
export const resetPasswordBody = z.strictObject({ password: anyPassword });

// ---- roles
export const role = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  dataScope,
  adminKind: z.enum(['system', 'security', 'audit']).nullable(),
  builtin: z.boolean(),
});
const permissionCodes = z.array(z.string().regex(/^[a-z][a-z0-9:-]{1,60}$/, '权限编码不正确')).max(500);
export const roleCreateBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, '角色编码须以小写字母开头，2–40 位小写字母、数字、下划线或连字符'),
  name: plainText(50),
  description: descriptionText(500).optional(),
  permissions: permissionCodes,
  dataScope,
});
export const rolePatchBody = roleCreateBody.omit({ code: true }).partial();
export const permission = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(['menu', 'button', 'api']),
  group: z.string(),
  business: z.boolean(),
});

// ---- login log
export const loginEventQuery = z.strictObject({
  ...pageQuery,
  username: z.string().max(64).optional(),
  result: z.enum(['success', 'bad_password', 'locked', 'unknown_user', 'disabled', 'logout', 'timeout']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const loginEvent = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  userId: z.number().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  result: loginEventQuery.shape.result.unwrap(),
});
