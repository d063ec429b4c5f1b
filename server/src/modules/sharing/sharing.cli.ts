import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliKit } from '../../cli-kit.ts';
import { CONSUMER_ALGS, type ConsumerAlg } from './sharing.tables.ts';

const CLI = { system: 'cli' } as const;
const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

/** `--rate 20/s` or `--rate 20`; `--quota 5000/day` or `--quota 5000`. */
function perUnit(kit: CliKit, flag: string, raw: string | undefined, unit: string): number | undefined {
  if (raw === undefined) return undefined;
  const m = new RegExp(`^(\\d+)(?:/${unit})?$`).exec(raw.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) kit.fail(`${flag} 应为正整数，可带 /${unit}，收到 ${raw}`);
  return n;
}

/** `tianping sharing …`: the interface issue 5 fixes, for operators and scripts. */
export function registerSharingCommands(program: Command, kit: CliKit): void {
  const sharing = program.command('sharing').description('共享交换：资源目录、调用方、授权');
  const db = (cmd: Command) => kit.dbOptions(cmd).option('--json', '以 JSON 输出');

  const consumer = sharing.command('consumer').description('调用方');
  db(consumer.command('create').description('登记调用方：HMAC 密钥只显示这一次'))
    .requiredOption('--name <name>', '名称，如 杭州市中级人民法院审判系统')
    .addOption(new Option('--alg <alg>', '签名算法').choices([...CONSUMER_ALGS]).makeOptionMandatory())
    .option('--public-key <pem>', 'ed25519 公钥（PEM 文本或文件路径）；sm2-sm3 为 04 开头的十六进制')
    .option('--agency <agency>', '所属部门', '')
    .action(async (opts: { name: string; alg: ConsumerAlg; publicKey?: string; agency: string; json?: boolean }) => {
      const publicKey = opts.publicKey && fs.existsSync(opts.publicKey) ? fs.readFileSync(opts.publicKey, 'utf8') : opts.publicKey;
      const out = await kit.withTianping(opts, (tp) => tp.sharing.consumers.create(CLI, { name: opts.name, agency: opts.agency, orgId: null, alg: opts.alg, publicKey }));
      if (opts.json) console.log(JSON.stringify(out));
      else console.log(`已登记调用方 ${opts.name}：ID ${out.consumerId}，keyid ${out.keyId}${out.secret ? `\nHMAC 密钥（只显示这一次，请交给对方妥善保管）：${out.secret}` : ''}`);
    });

  const grant = sharing.command('grant').description('授权');
  db(grant.command('create').description('直接授权（管理员捷径，不经申请审批）'))
    .requiredOption('--consumer <id>', '调用方 ID')
    .requiredOption('--resource <code>', '资源编码，如 lawyer')
    .requiredOption('--fields <f1,f2>', '授权字段，逗号分隔')
    .requiredOption('--purpose <purpose>', '用途')
    .option('--plain <f1,f2>', '不脱敏返回的字段（须在授权字段之内）')
    .option('--rate <n/s>', '每秒请求上限（默认 10）')
    .option('--quota <n/day>', '每日调用上限（默认 10000）')
    .option('--legal-basis <text>', '法律依据', '')
    .action(async (opts: { consumer: string; resource: string; fields: string; purpose: string; plain?: string; rate?: string; quota?: string; legalBasis: string; json?: boolean }) => {
      const consumerId = Number(opts.consumer);
      if (!Number.isSafeInteger(consumerId) || consumerId < 1) kit.fail(`--consumer 应为调用方 ID（正整数），收到 ${opts.consumer}`);
      const grantId = await kit.withTianping(opts, (tp) =>
        tp.sharing.grants.createGrant(CLI, {
          consumerId,
          resourceCode: opts.resource,
          fields: list(opts.fields),
          plainFields: opts.plain ? list(opts.plain) : [],
          purpose: opts.purpose,
          legalBasis: opts.legalBasis,
          ratePerSecond: perUnit(kit, '--rate', opts.rate, 's') ?? 10,
          quotaPerDay: perUnit(kit, '--quota', opts.quota, 'day') ?? 10_000,
        }),
      );
      console.log(opts.json ? JSON.stringify({ grantId }) : `已授权：授权 ID ${grantId}`);
    });

  const resource = sharing.command('resource').description('资源目录');
  db(resource.command('show <code>').description('资源的字段（数据元名称）与共享条件')).action(async (code: string, opts: { json?: boolean }) => {
    const { row, fields } = await kit.withTianping(opts, async (tp) => {
      const r = await tp.sharing.resources.get(code);
      return { row: r, fields: tp.sharing.resources.describe(r) };
    });
    if (opts.json) {
      console.log(JSON.stringify({ code: row.code, fields: fields.map((f) => ({ id: f.id, name: f.name })) }));
      return;
    }
    console.log(`${row.name}（${row.code}）  ${row.sharing_type}  按 ${row.lookup_keys.join('、')} 查询`);
    for (const f of fields) console.log(`  ${f.id.padEnd(20)} ${f.name}${f.mask ? '（默认脱敏）' : ''}`);
  });
}
