/**
 * A pull in a process of its own, for the crash test to kill: opens the database it is given,
 * registers the demo connector `code` on first use and pulls it; prints the run as JSON. It takes
 * over a run left by a killed predecessor at once (staleAfterMs 0): nobody else is pulling.
 *
 *   node --import tsx pull-child.fixture.ts '{"dataDir"|"databaseUrl": …, "keyDir": …, "simUrl": …, "code": …}'
 */
import { buildTianping } from '../../main.ts';
import { loadConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createLogger } from '../../platform/logger.ts';
import { demoConnectorInputs } from './connectors.demo.ts';
import { createConnectorsModule } from './index.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as { dataDir?: string; databaseUrl?: string; keyDir: string; simUrl: string; code: string };
const config = loadConfig({ ...(args.dataDir ? { dataDir: args.dataDir } : { databaseUrl: args.databaseUrl }), demo: false });
const tp = await buildTianping({ ...config, webDist: '/nonexistent' }, { logger: createLogger('silent') });
try {
  const m = createConnectorsModule(tp.database.db, { aggregation: tp.aggregation, keyDir: args.keyDir, retry: { attempts: 3, baseMs: 20 }, staleAfterMs: 0 });
  try {
    await m.connectors.byCode(null, args.code);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONN_NOT_FOUND')) throw err;
    const input = demoConnectorInputs(args.simUrl).find((c) => c.code === args.code);
    if (!input) throw new Error(`no demo connector ${args.code}`);
    await m.connectors.create({ system: 'test' }, null, input);
  }
  console.log(JSON.stringify(await m.pull(args.code)));
  await m.stop();
} finally {
  await tp.close();
}
