import type { BaseDb } from '../../platform/db/database.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import type { IdentityTables, LoginResult } from './identity.tables.ts';

export interface LoginEventFilter {
  username?: string | undefined;
  result?: LoginResult | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** SEC-13/SEC-17: the login log, newest first. */
export async function listLoginEvents(base: BaseDb, f: LoginEventFilter, page: Page) {
  const db = base.withTables<IdentityTables>();
  let q = db.selectFrom('login_events');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.result) q = q.where('result', '=', f.result);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  const { limit, offset } = pageOffset(page);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), username: r.username, userId: r.user_id, ip: r.ip, userAgent: r.user_agent, result: r.result })),
    total: Number(total.n),
  };
}
