import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DataScopeKind } from '../src/platform/authz/scope.ts';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';
import type { TestApp } from './harness.ts';

/**
 * Small look-ups and checks shared by the acceptance tests in server/test. They read the database
 * directly (ids, row snapshots) so that a test's assertions do not depend on the API it tests.
 */

export const API = '/api/v1';

/** The error body of a response, checked to have the one shape (DESIGN §4). */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; requestId: string; details?: unknown } {
  const body = res.json() as { code?: unknown; message?: unknown; requestId?: unknown };
  expect(typeof body.code, `error body ${res.body}`).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body as { code: string; message: string; requestId: string };
}

/** Asserts an error response: its status and stable code. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: res.statusCode, code: (res.json() as { code?: string }).code }, res.body).toEqual({ status, code });
  errorOf(res);
}

export async function userId(tp: TestApp, username: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from users where username = ${username}`.execute(tp.database.db);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return Number(rows[0].id);
}

/** The bureau (or other unit) of a region by its type: 330106 county_bureau = 杭州市西湖区司法局. */
export async function orgId(tp: TestApp, regionCode: string, type: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from orgs where region_code = ${regionCode} and type = ${type} order by id limit 1`.execute(tp.database.db);
  if (!rows[0]) throw new Error(`no ${type} for ${regionCode}`);
  return Number(rows[0].id);
}

export async function orgIdByName(tp: TestApp, name: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from orgs where name = ${name}`.execute(tp.database.db);
  if (!rows[0]) throw new Error(`no org ${name}`);
  return Number(rows[0].id);
}

export async function roleId(tp: TestApp, code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select id from roles where code = ${code}`.execute(tp.database.db);
  if (!rows[0]) throw new Error(`no role ${code}`);
  return Number(rows[0].id);
}

/**
 * A user made the way an operator makes one at the server console (CLI): no forced password change,
 * so the test can use it at once. Password: the demo password.
 */
export async function makeUser(
  tp: TestApp,
  username: string,
  orgIdValue: number,
  opts: { roles?: string[]; dataScope?: DataScopeKind; phone?: string; idNumber?: string } = {},
): Promise<number> {
  const u = await tp.identity.users.create(
    { system: 'test' },
    {
      username,
      displayName: `测试${username}`,
      orgId: orgIdValue,
      roleCodes: opts.roles ?? ['staff'],
      password: DEMO_PASSWORD,
      dataScope: opts.dataScope,
      phone: opts.phone ?? null,
      idNumber: opts.idNumber ?? null,
    },
    { forceChange: false },
  );
  return u.id;
}

export async function count(tp: TestApp, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(tp.database.db);
  return Number(rows[0]?.n);
}

/** Every row of a table as JSON text, for "the password appears nowhere" checks. */
export async function tableJson(tp: TestApp, table: string): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(tp.database.db);
  return JSON.stringify(rows);
}

/**
 * A fingerprint of every application table's content (row count and an md5 of all rows), so a test
 * can prove that a rejected request changed nothing anywhere — also in tables of modules added later.
 * login_events (every attempt is logged, by design) and sessions (last-seen time) are left out.
 */
export async function snapshot(tp: TestApp): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not in ('login_events', 'sessions')
    order by table_name`.execute(tp.database.db);
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const { rows } = await sql<{ n: number; h: string | null }>`
      select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
      from ${sql.table(table_name)} t`.execute(tp.database.db);
    out[table_name] = `${Number(rows[0]?.n)}:${rows[0]?.h ?? ''}`;
  }
  return out;
}

/** A mutable clock for BuildOptions.clock: tests move time instead of waiting for it. */
export function fakeClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
  };
}

/** The path of a route pattern with its parameters filled in: '/users/:id' → '/users/7'. */
export function fill(url: string, params: Record<string, string | number>): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(String(v));
  });
}
