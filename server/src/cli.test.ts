import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';

// The interface scripts and later issues rely on (issue #2): `npx tianping …` with --data-dir or
// --database-url. Runs the real command as a separate process, as an operator would.
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/tianping.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
const onPostgres = Boolean(process.env.DATABASE_URL);
// On PostgreSQL the commands get a database of their own, empty, as a fresh install would.
let pgUrl: string | undefined;
let dropPg: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (!onPostgres) return;
  const db = await createTestDatabase();
  pgUrl = db.url;
  await db.close();
  dropPg = db.drop;
});

function run(args: string[], dataDir: string) {
  const where = pgUrl ? ['--database-url', pgUrl] : ['--data-dir', dataDir];
  const r = spawnSync(process.execPath, [bin, ...args, ...where], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropPg?.();
});

describe('tianping command', () => {
  it('prints help', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('serve');
    expect(r.stdout).toContain('user');
  });

  describe('on a fresh database', () => {
    const dir = path.join(tmp, 'data');

    it('org list --json gives the seeded tree with the interface fields', () => {
      const r = run(['org', 'list', '--json'], dir);
      expect(r.code, r.err).toBe(0);
      const orgs = JSON.parse(r.out) as { id: number; name: string; type: string; regionCode: string; creditCode: string | null; parentId: number | null }[];
      const xihu = orgs.find((o) => o.regionCode === '330106' && o.type === 'county_bureau');
      expect(xihu).toMatchObject({ name: '杭州市西湖区司法局' });
      expect(Object.keys(xihu ?? {}).sort()).toEqual(['creditCode', 'id', 'name', 'parentId', 'regionCode', 'type']);
      expect(orgs.filter((o) => o.type === 'city_bureau')).toHaveLength(11);
    });

    it('user create --json prints the new user id', () => {
      const orgs = JSON.parse(run(['org', 'list', '--json'], dir).out) as { id: number; regionCode: string; type: string }[];
      const org = orgs.find((o) => o.regionCode === '330212' && o.type === 'county_bureau');
      const r = run(['user', 'create', '--username', 'cli_op', '--password', 'Str0ng!pass', '--org', String(org?.id), '--role', 'staff', '--scope', 'org', '--json'], dir);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ id: expect.any(Number), username: 'cli_op' });
    });

    it('user reset-password resets an administrator account, which the console may not', () => {
      expect(run(['user', 'reset-password', '--username', 'auditadmin', '--password', 'weak'], dir).err).toContain('AUTH_PASSWORD_WEAK');
      const r = run(['user', 'reset-password', '--username', 'auditadmin', '--password', 'Operator#2026'], dir);
      expect(r.code, r.err).toBe(0);
      expect(run(['user', 'reset-password', '--username', 'nobody', '--password', 'Operator#2026'], dir).err).toContain('USER_NOT_FOUND');
    });

    it('refuses a weak password with the rule, and an unknown role, with exit code 1', () => {
      const weak = run(['user', 'create', '--username', 'cli_weak', '--password', 'abc', '--org', '2', '--role', 'staff'], dir);
      expect(weak.code).toBe(1);
      expect(weak.err).toContain('AUTH_PASSWORD_WEAK');
      const role = run(['user', 'create', '--username', 'cli_role', '--password', 'Str0ng!pass', '--org', '2', '--role', 'nosuch'], dir);
      expect(role.code).toBe(1);
      expect(role.err).toContain('ROLE_NOT_FOUND');
    });

    it.skipIf(onPostgres)('a data directory held by a running server gives a clear error, not a corruption', async () => {
      const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        await new Promise<void>((resolve, reject) => {
          server.stdout.on('data', (b: Buffer) => b.toString().includes('已启动') && resolve());
          server.on('exit', (code) => reject(new Error(`server exited ${String(code)}`)));
        });
        const r = run(['org', 'list', '--json'], dir);
        expect(r.code).toBe(1);
        expect(r.err).toContain('正被进程');
      } finally {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.once('exit', resolve));
      }
      // After the server stopped, the directory opens again and the data is intact.
      const after = run(['org', 'list', '--json'], dir);
      expect(after.code, after.err).toBe(0);
      expect((JSON.parse(after.out) as unknown[]).length).toBeGreaterThan(100);
    });
  });
});
