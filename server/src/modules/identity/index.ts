import type { FastifyInstance } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createDivisionImporter } from './divisions.service.ts';
import { seedIdentityDemo } from './identity.demo.ts';
import type { IdentityTables } from './identity.tables.ts';
import type { LoginPolicy } from './lockout.rules.ts';
import { loginEventRoutes } from './login-events.routes.ts';
import { orgRoutes } from './orgs.routes.ts';
import { createOrgService } from './orgs.service.ts';
import { roleRoutes } from './roles.routes.ts';
import { createRoleService } from './roles.service.ts';
import { userRoutes } from './users.routes.ts';
import { createUserService } from './users.service.ts';

export { DEMO_PASSWORD, DEMO_USERS } from './identity.demo.ts';
export { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './lockout.rules.ts';
export { ORG_TYPES } from './org-types.ts';
export { creditCodeError, makeCreditCode } from './credit-code.rules.ts';
export { orgIdInScope, userRowInScope } from './scope.queries.ts';
export type { DataScopeKind } from '../../platform/authz/scope.ts';

/**
 * Identity (P1): the org tree, users, roles with data scope, sessions and the login log. Other
 * modules use `orgIdInScope` for data scope and never read these tables themselves.
 */
export function createIdentityModule(db: BaseDb, policy: LoginPolicy, clock?: () => Date) {
  const auth = createAuthService(db, policy, clock);
  const orgs = createOrgService(db);
  const users = createUserService(db, clock);
  const roles = createRoleService(db, clock);
  const importDivisions = createDivisionImporter(db);

  return {
    auth,
    orgs,
    users,
    roles,
    importDivisions,
    async routes(app: FastifyInstance) {
      await app.register(authRoutes(auth));
      await app.register(orgRoutes(orgs, importDivisions));
      await app.register(userRoutes(users));
      await app.register(roleRoutes(roles));
      await app.register(loginEventRoutes(db));
    },
    /** Built-in roles exist in every database, demo or not. */
    ensureBaseline: () => roles.ensureBuiltinRoles(),
    async isEmpty(): Promise<boolean> {
      const row = await db.withTables<IdentityTables>().selectFrom('orgs').select('id').limit(1).executeTakeFirst();
      return row === undefined;
    },
    seedDemo: () => seedIdentityDemo(db, importDivisions, users),
  };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
