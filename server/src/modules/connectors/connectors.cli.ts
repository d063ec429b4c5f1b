import type { Command } from 'commander';
import type { CliKit } from '../../cli-kit.ts';
import type { Tianping } from '../../main.ts';
import type { ConnectorsModule, RunView } from './index.ts';

function describeRun(r: RunView): string {
  const pages = `${r.pagesFetched} 页（新归集 ${r.pagesLanded} 页，内容未变跳过 ${r.pagesSkipped} 页）`;
  const rows = `入库 ${r.accepted} 条（新增 ${r.inserted}、更新 ${r.updated}、未变 ${r.unchanged}），问题行 ${r.rejected} 条`;
  if (r.status === 'completed') return `拉取完成（第 ${r.id} 次运行）：${pages}，${rows}${r.retries ? `，重试 ${r.retries} 次` : ''}`;
  if (r.status === 'failed') return `拉取失败（第 ${r.id} 次运行，${r.errorCode ?? ''}）：${r.errorMessage ?? ''}\n已完成 ${pages}，${rows}`;
  return `拉取已中止（第 ${r.id} 次运行），已完成 ${pages}；再次执行将从断点继续`;
}

/**
 * `tianping connectors …` and `tianping sim agencies`. `pick` reaches the module in a built
 * tianping (main.ts mounts it as `tp.connectors`).
 */
export function registerConnectorCommands(program: Command, kit: CliKit, pick: (tp: Tianping) => ConnectorsModule): void {
  const connectors = program.command('connectors').description('接口连接器：从其他部门接口拉取数据');
  const db = (cmd: Command) => kit.dbOptions(cmd).option('--json', '以 JSON 输出');

  db(connectors.command('list').description('列出接口连接器及各自最近一次拉取')).action(async (opts: { json?: boolean }) => {
    const { items } = await kit.withTianping(opts, (tp) => pick(tp).connectors.list(null, { page: 1, pageSize: 500 }));
    if (opts.json) return console.log(JSON.stringify(items, null, 2));
    for (const c of items) {
      const last = c.lastRun ? `${c.lastRun.status} ${c.lastRun.startedAt}` : '从未拉取';
      console.log(`${c.code.padEnd(24)} ${c.libraryId.padEnd(16)} ${c.schedule.padEnd(7)} ${c.status.padEnd(7)} ${last}  ${c.name}（${c.agency}）`);
    }
  });

  db(connectors.command('pull <code>').description('立即拉取（上次中断的从断点继续）；失败时退出码为 1'))
    .action(async (code: string, opts: { json?: boolean }) => {
      const run = await kit.withTianping(opts, (tp) => pick(tp).pull(code, { who: { system: 'cli' }, trigger: 'cli' }));
      console.log(opts.json ? JSON.stringify(run) : describeRun(run));
      if (run.status !== 'completed') kit.exit(1);
    });

  const sim = program.command('sim').description('演示与测试用的模拟系统');
  sim.command('agencies').description('启动其他部门接口模拟器（公安、民政、自然资源、组织人事），供演示连接器拉取')
    .option('--port <n>', '端口（0 为任选空闲端口）', '3900')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--seed <n>', '数据种子（与演示数据相同时，模拟数据与演示人员相互关联）', '0')
    .option('--scale <n>', '数据量倍数', '1')
    .option('--slow-ms <n>', '慢页的响应时间（毫秒）', '1200')
    .option('--no-faults', '关闭故障模拟（民政第 3 页首次返回 500、自然资源第 2 页慢响应）')
    .action(async (opts: { port: string; host: string; seed: string; scale: string; slowMs: string; faults: boolean }) => {
      const int = (flag: string, raw: string, min: number) => {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < min) kit.fail(`${flag} 应为不小于 ${min} 的整数，收到 ${raw}`);
        return n;
      };
      const { startAgencySim } = await import('../../../../sim/agencies/server.ts');
      const running = await startAgencySim({
        port: int('--port', opts.port, 0), host: opts.host, seed: int('--seed', opts.seed, 0), scale: int('--scale', opts.scale, 1),
        faults: opts.faults, slowMs: int('--slow-ms', opts.slowMs, 0),
      });
      console.log(`部门接口模拟器已启动：${running.url}（Ctrl+C 停止）`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
    });
}
