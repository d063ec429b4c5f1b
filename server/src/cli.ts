import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { Tianping } from './main.ts';
import { loadConfig, type ConfigFlags } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { AppError } from './platform/http/errors.ts';
import { createLogger } from './platform/logger.ts';
import { DATA_SCOPES } from './platform/authz/scope.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/identity/identity.demo.ts';
import { registerLedgerCommands } from './modules/ledger/ledger.cli.ts';
import { registerLawCommands } from './modules/laws/laws.cli.ts';
import { registerSharingCommands } from './modules/sharing/sharing.cli.ts';
import { registerConnectorCommands } from './modules/connectors/connectors.cli.ts';
import type { CliKit } from './cli-kit.ts';

type DbFlags = Pick<ConfigFlags, 'dataDir' | 'databaseUrl' | 'demo'>;

function dbOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', '内嵌数据库（PGlite）数据目录，默认 ./data')
    .option('--database-url <url>', 'PostgreSQL 连接串（也可用环境变量 DATABASE_URL）')
    .option('--no-demo', '空库时不生成演示数据（环境变量 TIANPING_DEMO=false 同效）');
}

/**
 * Opens tianping for a one-shot command with quiet logs. Like `serve`, an empty database gets the
 * demo unless --no-demo, so `org list` on a fresh clone shows the same orgs the console does.
 */
async function open(flags: DbFlags): Promise<Tianping> {
  const config = loadConfig(flags);
  const { buildTianping } = await import('./main.ts'); // loaded on demand: `--help` stays instant
  return buildTianping({ ...config, webDist: '/nonexistent' }, { logger: createLogger('warn') });
}

async function withTianping<T>(flags: DbFlags, fn: (tp: Tianping) => Promise<T>): Promise<T> {
  const tp = await open(flags);
  try {
    return await fn(tp);
  } finally {
    await tp.close();
  }
}

function printDemoAccounts(url: string): void {
  console.log(`\n天平 tianping 已启动：${url}`);
  console.log(`接口文档：${url}/api/docs\n`);
  console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(14)} ${u.displayName.padEnd(8)} ${u.note}`);
  console.log('');
}

export function buildCli(): Command {
  const program = new Command('tianping').description('天平 — 司法行政数据资源中心与业务平台').exitOverride();

  dbOptions(program.command('serve').description('启动服务（接口、管理控制台、后台任务）'))
    .option('--port <n>', '端口（环境变量 PORT，默认 3000）')
    .option('--host <host>', '监听地址（默认 0.0.0.0）')
    .action(async (opts: DbFlags & { port?: string; host?: string }) => {
      const config = loadConfig(opts);
      const { buildTianping } = await import('./main.ts');
      const tp = await buildTianping(config);
      const address = await tp.app.listen({ port: config.port, host: config.host });
      const shown = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
      if (config.seedDemo) printDemoAccounts(shown);
      else console.log(`天平 tianping 已启动：${shown}`);
      void tp.aggregation.resumeInterrupted(); // console uploads a previous run left half done
      tp.ledger.start(); // checkpoints every second, audit anchoring, witnessing
      tp.connectors.start(); // scheduled pulls, and pulls a dead process left half done
      tp.sharing.start(); // the gateway's nonce purge, quota and call-log flushes
      const stop = async () => {
        await tp.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => undefined); // serve until signalled
    });

  const org = program.command('org').description('组织机构');
  dbOptions(org.command('list').description('列出全部机构'))
    .option('--json', '以 JSON 输出')
    .action(async (opts: DbFlags & { json?: boolean }) => {
      const rows = await withTianping(opts, (tp) => tp.identity.orgs.listAllForOperator());
      if (opts.json) console.log(JSON.stringify(rows, null, 2));
      else for (const o of rows) console.log(`${String(o.id).padStart(5)}  ${o.regionCode}  ${o.creditCode ?? '—'.padEnd(18)}  ${o.name}`);
    });
  dbOptions(org.command('import-divisions <file>').description('从行政区划 CSV（code,name,parentCode；UTF-8 或 GBK）建立司法行政机关树'))
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: DbFlags & { json?: boolean }) => {
      const summary = await withTianping(opts, (tp) => tp.identity.importDivisions({ system: 'cli' }, fs.readFileSync(file)));
      console.log(opts.json ? JSON.stringify(summary) : `导入完成：新建 ${summary.created}，更名 ${summary.renamed}，未变 ${summary.unchanged}`);
    });

  const user = program.command('user').description('用户');
  dbOptions(user.command('create').description('新建用户（运维人员设置的密码无需首次修改）'))
    .requiredOption('--username <u>', '用户名')
    .requiredOption('--password <p>', '密码（至少 8 位，含大写、小写、数字、特殊字符中的三类）')
    .requiredOption('--org <id>', '所属机构 ID（见 tianping org list）')
    .requiredOption('--role <code...>', '角色：sysadmin、secadmin、auditadmin、leader、staff 或自定义角色')
    .addOption(new Option('--scope <scope>', '数据范围，覆盖角色默认值').choices([...DATA_SCOPES]))
    .option('--display-name <name>', '姓名（默认同用户名）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: DbFlags & { username: string; password: string; org: string; role: string[]; scope?: (typeof DATA_SCOPES)[number]; displayName?: string; json?: boolean }) => {
      const orgId = Number(opts.org);
      if (!Number.isInteger(orgId) || orgId <= 0) throw new CliError(`--org 应为机构 ID（正整数），收到 ${opts.org}`);
      const created = await withTianping(opts, (tp) =>
        tp.identity.users.create(
          { system: 'cli' },
          { username: opts.username, displayName: opts.displayName ?? opts.username, orgId, roleCodes: opts.role, password: opts.password, dataScope: opts.scope },
          { forceChange: false },
        ),
      );
      console.log(opts.json ? JSON.stringify({ id: created.id, username: created.username }) : `已创建用户 ${created.username}（ID ${created.id}）`);
    });

  dbOptions(user.command('reset-password').description('重置密码并解锁（运维人员；三员账号只能用此命令重置）'))
    .requiredOption('--username <u>', '用户名')
    .requiredOption('--password <p>', '新密码（至少 8 位，含大写、小写、数字、特殊字符中的三类）')
    .action(async (opts: DbFlags & { username: string; password: string }) => {
      await withTianping(opts, async (tp) => tp.identity.users.resetPassword({ system: 'cli' }, await tp.identity.users.idOf(opts.username), opts.password));
      console.log(`已重置用户 ${opts.username} 的密码并解锁`);
    });

  dbOptions(program.command('ingest <library> <file>').description('归集文件到标准库（CSV/XLSX/JSON/NDJSON；UTF-8、GBK/GB18030 自动识别）'))
    .option('--source <code>', '来源系统编码（未登记时自动登记）', 'manual')
    .addOption(new Option('--mode <mode>', 'atomic：全部通过才入库；partial：合格行入库、问题行进错误报告').choices(['atomic', 'partial']).default('partial'))
    .option('--json', '以 JSON 输出结果')
    .action(async (library: string, file: string, opts: DbFlags & { source: string; mode: 'atomic' | 'partial'; json?: boolean }) => {
      const { runIngestCommand } = await import('./modules/aggregation/ingest.cli.ts');
      const code = await withTianping(opts, (tp) => runIngestCommand(tp.aggregation, { library, file, source: opts.source, mode: opts.mode, json: opts.json === true }));
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('demo-file <library> <rows> <file>')
    .description('生成确定性的演示数据文件（约 3% 问题行），用于试用归集与性能测试')
    .addOption(new Option('--encoding <enc>', 'CSV 编码').choices(['utf8', 'gbk']).default('utf8'))
    .option('--seed <n>', '随机种子（相同种子生成相同文件；默认与演示数据相同）')
    .action(async (library: string, rows: string, file: string, opts: { encoding: 'utf8' | 'gbk'; seed?: string }) => {
      const count = Number(rows);
      if (!Number.isInteger(count) || count < 1) throw new CliError(`行数应为正整数，收到 ${rows}`);
      const { STANDARD_LIBRARIES } = await import('./modules/standards/index.ts');
      if (!STANDARD_LIBRARIES.some((l) => l.id === library)) throw new CliError(`未知的标准库 ${library}（可用：${STANDARD_LIBRARIES.map((l) => l.id).join('、')}）`);
      const { writeDemoCsv, writeDemoXlsx } = await import('./modules/aggregation/demo/write-demo-file.ts');
      const seed = opts.seed === undefined ? undefined : Number(opts.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new CliError(`--seed 应为整数，收到 ${opts.seed}`);
      const out = file.toLowerCase().endsWith('.xlsx') ? await writeDemoXlsx(library, count, file, { seed }) : await writeDemoCsv(library, count, file, { encoding: opts.encoding, seed });
      console.log(`已生成 ${file}：${out.rows} 行，其中问题行 ${out.dirty} 行`);
    });

  program
    .command('openapi')
    .description('输出 OpenAPI 文档（JSON）')
    .action(async () => {
      const { buildTianping } = await import('./main.ts');
      const tp = await buildTianping(loadConfig({ dataDir: 'memory://openapi', demo: false }), { logger: createLogger('warn') });
      try {
        console.log(JSON.stringify(tp.app.swagger(), null, 2));
      } finally {
        await tp.close();
      }
    });

  const kit: CliKit = {
    dbOptions,
    withTianping,
    exit: (code) => {
      throw new ExitCode(code);
    },
    fail: (message) => {
      throw new CliError(message);
    },
  };
  registerLedgerCommands(program, kit);
  registerLawCommands(program, kit);
  registerSharingCommands(program, kit);
  registerConnectorCommands(program, kit, (tp) => tp.connectors);

  dbOptions(program.command('migrate').description('执行数据库迁移')).action(async (opts: DbFlags) => {
    await withTianping(opts, async () => undefined);
    console.log('数据库已是最新结构');
  });

  return program;
}

class CliError extends Error {}

/** A command that has already printed its outcome and only needs the exit status. */
class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (err instanceof ExitCode) return err.code;
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) return e.exitCode ?? 1; // commander printed it
    if (err instanceof AppError) {
      console.error(`错误 ${err.code}：${err.message}`);
      for (const d of err.details ?? []) console.error(`  ${d.row !== undefined ? `第 ${d.row} 行 ` : ''}${d.field ?? ''} ${d.message}`);
    } else if (err instanceof DataDirLockedError || err instanceof CliError) {
      console.error(`错误：${err.message}`);
    } else {
      console.error(`错误：${(err as Error).message}`);
    }
    return 1;
  }
}
