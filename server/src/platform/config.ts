import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from './db/database.ts';

export interface Config {
  database: DatabaseTarget;
  port: number;
  host: string;
  /** Seed the deterministic demo into an empty database on start (DESIGN §6). */
  seedDemo: boolean;
  /** Built console to serve at /, if present. */
  webDist: string;
  /**
   * Law texts the demo imports into an empty library: the sample collection beside the project
   * (laws are not copied into it), or TIANPING_DEMO_LAWS. Skipped with a notice when absent.
   */
  demoLawsDir: string;
  /** How many 行政处罚 cases the demo writes (TIANPING_DEMO_CASES, default 3000; 0 for none). */
  demoCases: number;
  logLevel: string;
  /**
   * Which reverse proxies may set X-Forwarded-For: none by default, so the IP in the login log and
   * audit trail (SEC-17) is the connecting address and cannot be chosen by the client.
   */
  trustProxy: boolean | string[];
  ledger: {
    /** Names this installation in its logs' checkpoints (origin = nodeName/log). */
    nodeName: string;
    /** Where the ledger's private signing keys live: outside the database they vouch for. */
    keyDir: string;
    anchorSeconds: number;
  };
}

export interface ConfigFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
  demo?: boolean | undefined;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** TRUST_PROXY: unset or 'false' → none; 'true' → any; otherwise a comma list of addresses or CIDRs. */
function trustProxyOf(v: string | undefined): boolean | string[] {
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** 'memory://…' is PGlite's in-memory database, not a path: it must not be resolved to one. */
function dataDirOf(dir: string): string {
  return dir.startsWith('memory://') ? dir : path.resolve(dir);
}

/**
 * Signing keys sit beside an embedded data directory (own files, mode 0600), in the temp dir for
 * an in-memory database (whose logs die with it), and in ./keys for PostgreSQL unless configured.
 */
function keyDirOf(database: DatabaseTarget, configured: string | undefined): string {
  if (configured) return path.resolve(configured);
  if (database.kind === 'postgresql') return path.resolve('keys');
  return database.dataDir.startsWith('memory://') ? path.join(os.tmpdir(), 'tianping-keys') : path.join(database.dataDir, 'keys');
}

/** Flags win over the environment, the environment over defaults. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const url = flags.databaseUrl ?? env.DATABASE_URL;
  const database: DatabaseTarget =
    url && !flags.dataDir
      ? { kind: 'postgresql', url }
      : { kind: 'pglite', dataDir: dataDirOf(flags.dataDir ?? env.TIANPING_DATA_DIR ?? './data') };
  const port = Number(flags.port ?? env.PORT ?? 3000);
  const anchorSeconds = Number(env.TIANPING_AUDIT_ANCHOR_SECONDS ?? 10);
  if (!(anchorSeconds >= 1)) throw new Error(`TIANPING_AUDIT_ANCHOR_SECONDS 应为不小于 1 的秒数：${env.TIANPING_AUDIT_ANCHOR_SECONDS}`);
  const demoCases = Number(env.TIANPING_DEMO_CASES ?? 3000);
  if (!Number.isInteger(demoCases) || demoCases < 0 || demoCases > 1_000_000) throw new Error(`TIANPING_DEMO_CASES 应为 0 至 1000000 的整数：${env.TIANPING_DEMO_CASES}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号不正确：${String(flags.port ?? env.PORT)}`);
  return {
    database,
    port,
    host: flags.host ?? env.HOST ?? '0.0.0.0',
    seedDemo: flags.demo !== false && env.TIANPING_DEMO !== 'false',
    webDist: path.join(ROOT, 'web/dist'),
    demoLawsDir: env.TIANPING_DEMO_LAWS ?? path.join(ROOT, '../shared/data/laws-sample'),
    demoCases,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    ledger: { nodeName: env.TIANPING_NODE_NAME ?? 'tianping.local', keyDir: keyDirOf(database, env.TIANPING_KEY_DIR), anchorSeconds },
  };
}
