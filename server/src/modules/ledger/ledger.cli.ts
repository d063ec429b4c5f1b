import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { CliKit } from '../../cli-kit.ts';
import type { HashAlg } from './merkle.ts';
import { verifySummary } from './verify-summary.ts';


const CLI = { system: 'cli' } as const;
const hexOf = (b: Buffer) => b.toString('hex');
const out = (json: boolean | undefined, value: unknown, text: string) => console.log(json ? JSON.stringify(value) : text);

function count(kit: CliKit, flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) kit.fail(`${flag} 应为非负整数，收到 ${raw}`);
  return Number(raw);
}

/**
 * `tianping ledger …`: the interface the issue fixes (create, append, root, prove-*, verify and
 * the offline verify-*), plus checkpoint, keys, rotation and witnessing for operators.
 */
export function registerLedgerCommands(program: Command, kit: CliKit): void {
  const ledger = program.command('ledger').description('区块链存证：可验证的只追加日志（RFC 9162 默克尔树、签名检查点、见证联署）');
  const db = (cmd: Command) => kit.dbOptions(cmd).option('--json', '以 JSON 输出');

  db(ledger.command('create <name>').description('新建日志（SM3 日志的检查点另加 SM2 签名）'))
    .addOption(new Option('--hash <alg>', '哈希算法').choices(['sha256', 'sm3']).default('sha256'))
    .action(async (name: string, opts: { hash: HashAlg; json?: boolean }) => {
      const log = await kit.withTianping(opts, (tp) => tp.ledger.logs.create(CLI, { name, hash: opts.hash }));
      out(opts.json, { name: log.name, origin: log.origin, hash: log.hash_alg }, `已新建日志 ${log.name}（${log.origin}，${log.hash_alg}）`);
    });

  db(ledger.command('append <name>').description('追加原始记录（十六进制字节），返回序号'))
    .requiredOption('--hex <hex...>', '记录内容（小写十六进制），可重复')
    .action(async (name: string, opts: { hex: string[]; json?: boolean }) => {
      for (const h of opts.hex) if (!/^(?:[0-9a-f]{2})*$/.test(h)) kit.fail(`--hex 应为偶数位小写十六进制，收到 ${h}`);
      const r = await kit.withTianping(opts, (tp) => tp.ledger.logs.append(name, opts.hex.map((h) => ({ raw: Buffer.from(h, 'hex') }))));
      out(opts.json, r, `已追加，序号 ${r.indexes.join('、')}；日志大小 ${r.size}`);
    });

  db(ledger.command('root <name>').description('树根哈希（默认当前大小）'))
    .option('--size <n>', '树大小')
    .action(async (name: string, opts: { size?: string; json?: boolean }) => {
      const r = await kit.withTianping(opts, (tp) => tp.ledger.logs.root(name, count(kit, '--size', opts.size)));
      out(opts.json, { size: r.size, root: hexOf(r.root) }, `大小 ${r.size}，根哈希 ${hexOf(r.root)}`);
    });

  db(ledger.command('prove-inclusion <name>').description('包含证明'))
    .requiredOption('--index <i>', '记录序号')
    .requiredOption('--size <n>', '树大小')
    .action(async (name: string, opts: { index: string; size: string; json?: boolean }) => {
      const p = await kit.withTianping(opts, (tp) => tp.ledger.logs.proveInclusion(name, count(kit, '--index', opts.index)!, count(kit, '--size', opts.size)));
      const proof = p.proof.map(hexOf);
      out(opts.json, { index: p.index, size: p.size, proof }, proof.join(','));
    });

  db(ledger.command('prove-consistency <name>').description('一致性证明'))
    .requiredOption('--from <m>', '旧树大小')
    .requiredOption('--to <n>', '新树大小')
    .action(async (name: string, opts: { from: string; to: string; json?: boolean }) => {
      const p = await kit.withTianping(opts, (tp) => tp.ledger.logs.proveConsistency(name, count(kit, '--from', opts.from)!, count(kit, '--to', opts.to)));
      const proof = p.proof.map(hexOf);
      out(opts.json, { from: p.from, to: p.to, proof }, proof.join(','));
    });

  db(ledger.command('verify <name>').description('重算整个日志并对照已存哈希与签名检查点；完整时退出码 0，否则指出第一个不符的序号'))
    .action(async (name: string, opts: { json?: boolean }) => {
      const r = await kit.withTianping(opts, (tp) => tp.ledger.verify(name));
      const summary = verifySummary(r, r.audit);
      out(opts.json, { ...r, summary }, summary);
      const bad = !r.intact || (r.audit !== null && r.audit.deleted.length + r.audit.edited.length > 0);
      if (bad) kit.exit(1);
    });

  db(ledger.command('checkpoint <name>').description('立即签发检查点并输出（服务运行时每秒自动签发）'))
    .action(async (name: string, opts: { json?: boolean }) => {
      const c = await kit.withTianping(opts, async (tp) => {
        await tp.ledger.logs.checkpoint(name);
        return tp.ledger.logs.latestCheckpoint(name);
      });
      out(opts.json, { size: c.size, root: hexOf(c.root), note: c.note }, c.note.trimEnd());
    });

  db(ledger.command('keys <name>').description('日志的验证公钥（c2sp vkey）'))
    .action(async (name: string, opts: { json?: boolean }) => {
      const keys = await kit.withTianping(opts, (tp) => tp.ledger.logs.keysOf(name));
      out(opts.json, keys, keys.map((k) => `${k.retired_at ? '已停用' : '使用中'}  ${k.kind.padEnd(14)} ${k.vkey}`).join('\n'));
    });

  db(ledger.command('rotate-key <name>').description('轮换签名密钥：新公钥写入日志，交接检查点由新旧密钥共同签名'))
    .addOption(new Option('--kind <kind>', '签名算法').choices(['ed25519', 'sm2']).default('ed25519'))
    .action(async (name: string, opts: { kind: 'ed25519' | 'sm2'; json?: boolean }) => {
      const r = await kit.withTianping(opts, (tp) => tp.ledger.logs.rotateKey(CLI, name, opts.kind));
      out(opts.json, r, `已轮换：新公钥 ${r.active}（写入序号 ${r.entry}）`);
    });

  db(ledger.command('add-witness <name>').description('登记见证方（接受其联署签名）'))
    .requiredOption('--vkey <vkey>', '见证方的 cosignature/v1 验证公钥')
    .action(async (name: string, opts: { vkey: string; json?: boolean }) => {
      const r = await kit.withTianping(opts, (tp) => tp.ledger.witnesses.addWitness(CLI, name, opts.vkey));
      out(opts.json, r, `已登记见证方 ${r.name}`);
    });

  db(ledger.command('witness-key').description('本节点作为见证方的联署公钥'))
    .action(async (opts: { json?: boolean }) => {
      const vkey = await kit.withTianping(opts, (tp) => tp.ledger.witnesses.witnessKey());
      out(opts.json, { vkey }, vkey);
    });

  db(ledger.command('witness <url>').description('见证一个日志：取检查点、核对一致性、联署并提交（url 形如 http://host/api/v1/ledger/logs/audit）'))
    .option('--log-key <vkey>', '该日志的验证公钥（首次见证时必填）')
    .action(async (url: string, opts: { logKey?: string; json?: boolean }) => {
      const r = await kit.withTianping(opts, (tp) => tp.ledger.witnesses.witness(url, opts.logKey, CLI));
      out(opts.json, r, `已联署 ${r.origin} 大小 ${r.size} 的检查点${r.previous === null ? '（首次见证）' : `（此前见过 ${r.previous}）`}`);
    });

  registerOfflineCommands(ledger, kit);
}

/** The offline verifiers: no database, exit 0 valid, 1 invalid, 2 malformed input. */
function registerOfflineCommands(ledger: Command, kit: CliKit): void {
  const hashOption = () => new Option('--hash <alg>', '哈希算法').choices(['sha256', 'sm3']).default('sha256');
  const judge = async (check: () => Promise<boolean>) => {
    const { ProofInputError } = await import('./offline.ts');
    try {
      const ok = await check();
      console.log(ok ? '证明成立' : '证明不成立');
      if (!ok) kit.exit(1);
    } catch (err) {
      if (!(err instanceof ProofInputError)) throw err;
      console.error(`输入不正确（${err.code}，${err.field}）：${err.message}`);
      kit.exit(2);
    }
  };

  ledger
    .command('verify-inclusion')
    .description('离线校验包含证明（无需数据库）')
    .requiredOption('--leaf-hash <hex>', '叶哈希')
    .requiredOption('--index <i>', '记录序号')
    .requiredOption('--size <n>', '树大小')
    .requiredOption('--root <hex>', '根哈希')
    .option('--proof <hexes>', '证明，逗号分隔', '')
    .addOption(hashOption())
    .action(async (opts: { leafHash: string; index: string; size: string; root: string; proof: string; hash: string }) => {
      const { checkInclusion } = await import('./offline.ts');
      await judge(async () => checkInclusion(opts));
    });

  ledger
    .command('verify-consistency')
    .description('离线校验一致性证明（无需数据库）')
    .requiredOption('--from <m>', '旧树大小')
    .requiredOption('--to <n>', '新树大小')
    .requiredOption('--old-root <hex>', '旧根哈希')
    .requiredOption('--new-root <hex>', '新根哈希')
    .option('--proof <hexes>', '证明，逗号分隔', '')
    .addOption(hashOption())
    .action(async (opts: { from: string; to: string; oldRoot: string; newRoot: string; proof: string; hash: string }) => {
      const { checkConsistency } = await import('./offline.ts');
      await judge(async () => checkConsistency(opts));
    });

  ledger
    .command('verify-receipt <file>')
    .description('离线核验存证凭证（控制台“下载存证凭证”或接口 …/entries/{序号}/receipt 所得）：记录、包含证明、签名检查点')
    .requiredOption('--log-key <vkey...>', '日志的验证公钥（从可信渠道取得，不取自凭证）')
    .option('--witness-key <vkey...>', '可信见证方的验证公钥', [])
    .option('--min-witnesses <k>', '至少需要的见证联署数', '0')
    .action(async (file: string, opts: { logKey: string[]; witnessKey: string[]; minWitnesses: string }) => {
      const { checkReceipt } = await import('./receipt.ts');
      const k = count(kit, '--min-witnesses', opts.minWitnesses)!;
      await judge(async () => {
        const v = checkReceipt(fs.readFileSync(file, 'utf8'), opts.logKey, opts.witnessKey, k);
        console.log(v.reason);
        return v.valid;
      });
    });

  ledger
    .command('verify-checkpoint <file>')
    .description('离线校验签名检查点：日志签名，以及至少 k 个可信见证方的联署')
    .requiredOption('--log-key <vkey...>', '日志的验证公钥')
    .option('--witness-key <vkey...>', '可信见证方的验证公钥', [])
    .option('--min-witnesses <k>', '至少需要的见证联署数', '0')
    .action(async (file: string, opts: { logKey: string[]; witnessKey: string[]; minWitnesses: string }) => {
      const { checkWitnessed } = await import('./witness.service.ts');
      const k = count(kit, '--min-witnesses', opts.minWitnesses)!;
      let r;
      try {
        r = checkWitnessed(fs.readFileSync(file, 'utf8'), opts.logKey, opts.witnessKey, k);
      } catch (err) {
        console.error(`检查点无效：${(err as Error).message}`);
        kit.exit(1);
      }
      console.log(`${r.checkpoint.origin} 大小 ${r.checkpoint.size} 根哈希 ${hexOf(r.checkpoint.root)}；见证联署 ${r.witnesses.length} 个${r.witnesses.length ? `（${r.witnesses.join('、')}）` : ''}`);
      if (!r.enough) {
        console.error(`见证联署不足：需要 ${k} 个`);
        kit.exit(1);
      }
    });
}
