import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionCatalog } from '../../platform/authz/permissions.ts';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './identity.permissions.ts';
import { permission, role, roleCreateBody, rolePatchBody } from './identity.schema.ts';
import type { RoleService } from './roles.service.ts';

const tags = ['角色权限'];

export function roleRoutes(roles: RoleService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/roles', {
      config: { permission: P['role:read'] },
      schema: { tags, summary: '角色列表', response: { 200: listOf(role) } },
      handler: async () => roles.list(),
    });

    r.get('/api/v1/roles/:id', {
      config: { permission: P['role:read'] },
      schema: { tags, summary: '角色详情', params: idParam, response: { 200: role } },
      handler: async (req) => roles.get(req.params.id),
    });

    r.post('/api/v1/roles', {
      config: { permission: P['role:manage'] },
      schema: { tags, summary: '新建业务角色', body: roleCreateBody, response: { 200: role } },
      handler: async (req) => roles.create(actorOf(req), requestMeta(req), req.body),
    });

    r.patch('/api/v1/roles/:id', {
      config: { permission: P['role:manage'] },
      schema: { tags, summary: '修改角色', params: idParam, body: rolePatchBody, response: { 200: role } },
      handler: async (req) => roles.update(actorOf(req), requestMeta(req), req.params.id, req.body),
    });

    r.get('/api/v1/permissions', {
      config: { permission: P['role:read'] },
      schema: { tags, summary: '权限目录（菜单、按钮、接口）', response: { 200: z.object({ items: z.array(permission) }) } },
      handler: async () => ({ items: permissionCatalog() }),
    });
  };
}
