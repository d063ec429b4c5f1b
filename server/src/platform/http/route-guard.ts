import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Actor, RequestMeta } from '../authz/actor.ts';
import { httpErrors } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs; every /api route has this or `public: true`. */
    permission?: string;
    /** Explicitly open to anonymous callers (health, login, public lookups). */
    public?: boolean;
    /** Any signed-in user, whatever their roles (their own profile, logout). */
    signedIn?: boolean;
    /** Reachable while a forced password change is pending (me, logout, change password). */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    pendingPasswordChange: boolean;
  }
}

export const SESSION_COOKIE = 'tp_session';

/** What identity answers for a bearer token; the platform knows no users or sessions itself. */
export type SessionResolver = (
  token: string,
  meta: RequestMeta,
) => Promise<{ actor: Actor; mustChangePassword: boolean }>;

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { requestId: req.id, ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null };
}

/** The caller's session token: the bearer header for scripts, else the console's cookie. */
export function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const c = req.cookies?.[SESSION_COOKIE];
  return c || null;
}

/** The routes that exist and what each needs: the test that every route is guarded reads this. */
export interface GuardedRoute {
  method: string;
  url: string;
  permission: string | null;
  public: boolean;
  signedIn: boolean;
}

/**
 * Installs the authentication and authorization gate in front of every /api route. A route
 * without a declared permission and without `public: true` fails at start-up, so no route can
 * ship unguarded by forgetting.
 */
export function installRouteGuard(app: FastifyInstance, resolveSession: () => SessionResolver): GuardedRoute[] {
  const routes: GuardedRoute[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingPasswordChange', false);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const cfg = route.config ?? {};
    if (!cfg.public && !cfg.permission && !cfg.signedIn) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission, signedIn or public`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        permission: cfg.permission ?? null,
        public: cfg.public === true,
        signedIn: cfg.signedIn === true,
      });
    }
  });
  // onRequest, before the body is parsed and validated: an anonymous or unauthorized caller gets
  // 401/403, never a validation report on a route it may not use.
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config ?? {};
    // Decide by the route that matched, not the raw URL: the router decodes '/%61pi/…' to '/api/…'.
    const url = req.routeOptions.url ?? req.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const token = tokenOf(req);
    if (token) {
      try {
        const session = await resolveSession()(token, requestMeta(req));
        req.actor = session.actor;
        req.pendingPasswordChange = session.mustChangePassword;
      } catch (err) {
        if (!cfg.public) throw err; // a public route still works with a stale cookie
      }
    }
    if (cfg.public) return;
    if (!req.actor) throw httpErrors.AUTH_REQUIRED();
    if (req.pendingPasswordChange && !cfg.duringPasswordChange) throw httpErrors.AUTH_PASSWORD_CHANGE_REQUIRED();
    if (cfg.permission && !req.actor.permissions.has(cfg.permission)) throw httpErrors.AUTHZ_FORBIDDEN();
  });
  return routes;
}

/** The signed-in actor of a guarded route (the guard has already rejected anonymous calls). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw httpErrors.AUTH_REQUIRED();
  return req.actor;
}
