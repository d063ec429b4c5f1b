import fs from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnAgencySim, type RunningSim } from '../../../../sim/agencies/spawn.ts';
import type { CliKit } from '../../cli-kit.ts';
import type { Tianping } from '../../main.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { registerConnectorCommands } from './connectors.cli.ts';
import type { ConnectorsModule } from './index.ts';
import { connectorsOf, keyDir } from './test-support.ts';

/** `tianping connectors list|pull` against a test app (cli.ts lends the kit; here a stand-in for it). */

let sim: RunningSim;
let tp: TestApp;
let m: ConnectorsModule;
let dir: string;

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

async function run(...args: string[]): Promise<{ out: string; exit: number }> {
  const kit: CliKit = {
    dbOptions: (cmd) => cmd,
    withTianping: (_flags, fn) => fn(tp as Tianping),
    exit: (code) => {
      throw new Exit(code);
    },
    fail: (message) => {
      throw new Error(message);
    },
  };
  const program = new Command('tianping').exitOverride();
  registerConnectorCommands(program, kit, () => m);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'tianping', ...args]);
    return { out: lines.join('\n'), exit: 0 };
  } catch (err) {
    if (err instanceof Exit) return { out: lines.join('\n'), exit: err.code };
    throw err;
  } finally {
    log.mockRestore();
  }
}

beforeAll(async () => {
  sim = await spawnAgencySim({ args: ['--no-faults'] });
  tp = await createTestApp({ seedDemo: false });
  dir = keyDir();
  m = connectorsOf(tp, dir);
  await m.seedDemo({ orgId: null, baseUrl: sim.url });
});

afterAll(async () => {
  await m?.stop();
  await tp?.destroy();
  await sim?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('tianping connectors', () => {
  it('pull prints what landed in words and exits 0; list shows the last run', async () => {
    const pulled = await run('connectors', 'pull', 'zuzhi-civil-servant');
    expect(pulled.exit).toBe(0);
    expect(pulled.out).toMatch(/^拉取完成（第 \d+ 次运行）：4 页（新归集 4 页，内容未变跳过 0 页），入库 179 条（新增 179、更新 0、未变 0），问题行 1 条$/);
    const listed = await run('connectors', 'list', '--json');
    const items = JSON.parse(listed.out) as { code: string; lastRun: { status: string } | null }[];
    expect(items.map((c) => [c.code, c.lastRun?.status ?? null])).toEqual([
      ['gongan-death', null], ['minzheng-marriage', null], ['zrzy-real-estate', null], ['zuzhi-civil-servant', 'completed'],
    ]);
  });

  it('a failed pull says why and exits 1; an unknown connector is an error', async () => {
    const c = await m.connectors.byCode(null, 'minzheng-marriage');
    const { code: _c, library_id: _l, ...row } = c;
    await m.connectors.update({ system: 'test' }, null, c.id, {
      name: row.name, agency: row.agency, baseUrl: row.base_url, endpoint: row.endpoint, auth: row.auth, paging: row.paging, envelope: row.envelope,
      mapping: row.mapping, schedule: row.schedule, timeoutMs: row.timeout_ms, status: 'active', secret: 'revoked-key-0000',
    });
    const failed = await run('connectors', 'pull', 'minzheng-marriage');
    expect(failed.exit).toBe(1);
    expect(failed.out).toContain('拉取失败');
    expect(failed.out).toContain('API Key 无效或已停用');
    await expect(run('connectors', 'pull', 'no-such')).rejects.toThrow('没有编码为 no-such 的接口连接器');
  });
});
