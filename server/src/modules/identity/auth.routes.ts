import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta, SESSION_COOKIE, tokenOf } from '../../platform/http/route-guard.ts';
import type { AuthService } from './auth.service.ts';
import { changePasswordBody, loginBody, sessionUser } from './identity.schema.ts';

const tags = ['认证'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
  });
}

export function authRoutes(auth: AuthService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/auth/login', {
      config: { public: true },
      schema: { tags, summary: '登录', body: loginBody, response: { 200: z.object({ token: z.string(), user: sessionUser }) } },
      handler: async (req, reply) => {
        const result = await auth.login(req.body.username, req.body.password, requestMeta(req));
        setSessionCookie(req, reply, result.token);
        return result;
      },
    });

    r.post('/api/v1/auth/logout', {
      config: { signedIn: true, duringPasswordChange: true },
      schema: { tags, summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }) } },
      handler: async (req, reply) => {
        await auth.logout(tokenOf(req) ?? '', actorOf(req), requestMeta(req));
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    });

    r.get('/api/v1/auth/me', {
      config: { signedIn: true, duringPasswordChange: true },
      schema: { tags, summary: '当前用户', response: { 200: z.object({ user: sessionUser }) } },
      handler: async (req) => ({ user: await auth.me(actorOf(req)) }),
    });

    r.post('/api/v1/auth/password', {
      config: { signedIn: true, duringPasswordChange: true },
      schema: { tags, summary: '修改本人密码', body: changePasswordBody, response: { 200: z.object({ user: sessionUser }) } },
      handler: async (req) => ({
        user: await auth.changePassword(actorOf(req), requestMeta(req), tokenOf(req) ?? '', req.body.oldPassword, req.body.newPassword),
      }),
    });
  };
}
