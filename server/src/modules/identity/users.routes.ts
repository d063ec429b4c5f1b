import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './identity.permissions.ts';
import { resetPasswordBody, user, userCreateBody, userPatchBody, userQuery, userRolesBody } from './identity.schema.ts';
import type { UserService } from './users.service.ts';

const tags = ['用户'];

export function userRoutes(users: UserService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/users', {
      config: { permission: P['user:read'] },
      schema: { tags, summary: '用户列表（手机号、身份证号已脱敏）', querystring: userQuery, response: { 200: listOf(user) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return users.list(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/users/:id', {
      config: { permission: P['user:read'] },
      schema: { tags, summary: '用户详情', params: idParam, response: { 200: user } },
      handler: async (req) => users.get(actorOf(req), req.params.id),
    });

    r.get('/api/v1/users/:id/personal', {
      config: { permission: P['user:read-personal'] },
      schema: { tags, summary: '用户完整个人信息（访问留痕）', params: idParam, response: { 200: user } },
      handler: async (req) => users.getPersonal(actorOf(req), requestMeta(req), req.params.id),
    });

    r.post('/api/v1/users', {
      config: { permission: P['user:create'] },
      schema: { tags, summary: '新建用户（首次登录须修改密码）', body: userCreateBody, response: { 200: user } },
      handler: async (req) => users.create({ actor: actorOf(req), meta: requestMeta(req) }, req.body, { forceChange: true }),
    });

    r.patch('/api/v1/users/:id', {
      config: { permission: P['user:update'] },
      schema: { tags, summary: '修改用户', params: idParam, body: userPatchBody, response: { 200: user } },
      handler: async (req) => users.update(actorOf(req), requestMeta(req), req.params.id, req.body),
    });

    r.put('/api/v1/users/:id/roles', {
      config: { permission: P['user:assign-roles'] },
      schema: { tags, summary: '分配角色', params: idParam, body: userRolesBody, response: { 200: user } },
      handler: async (req) => users.assignRoles(actorOf(req), requestMeta(req), req.params.id, req.body.roleCodes),
    });

    r.post('/api/v1/users/:id/unlock', {
      config: { permission: P['user:unlock'] },
      schema: { tags, summary: '解锁账号', params: idParam, response: { 200: user } },
      handler: async (req) => users.unlock(actorOf(req), requestMeta(req), req.params.id),
    });

    r.post('/api/v1/users/:id/reset-password', {
      config: { permission: P['user:reset-password'] },
      schema: { tags, summary: '重置密码（下次登录须修改）', params: idParam, body: resetPasswordBody, response: { 200: user } },
      handler: async (req) => users.resetPassword({ actor: actorOf(req), meta: requestMeta(req) }, req.params.id, req.body.password),
    });
  };
}
