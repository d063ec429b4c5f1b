/**
 * The sharing gateway (共享交换网关), issue 5 points 4–6: signed calls from other agencies'
 * systems, served under their grants, limited, and logged. The sharing module builds it with its
 * services and mounts `routes`; `start` runs its background work (nonce purge, quota and log
 * flushes) and `stop` writes what is pending, so a shutdown loses no call and no quota count.
 */
import type { FastifyInstance } from 'fastify';
import type { Sealer } from '../../../platform/crypto/seal.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { RecordReader } from '../../aggregation/record-reader.ts';
import type { CodeLookup } from '../../dictionary/index.ts';
import type { ConsumerService } from '../consumers.service.ts';
import type { GrantService } from '../grants.service.ts';
import type { ResourceService } from '../resources.service.ts';
import { createAuthenticator } from './authenticate.ts';
import { createCallLog } from './call-log.ts';
import { gatewayRoutes } from './gateway.routes.ts';
import { createGatewayService } from './gateway.service.ts';
import { createLimits } from './limits.ts';
import { createHistoryReader, type HistoryReader } from './record-history.ts';

export { gatewayErrors } from './gateway.errors.ts';
export type { CallEntry, StatsRow, SubjectLogItem, ShareService } from './call-log.ts';

export interface GatewayDeps {
  resources: Pick<ResourceService, 'get' | 'describe'>;
  consumers: Pick<ConsumerService, 'keyOf'>;
  grants: Pick<GrantService, 'activeGrant' | 'onChange'>;
  reader: Pick<RecordReader, 'byKey' | 'byIdNumber' | 'changes'>;
  /** Versions held on a past day (核验 "on D"); aggregation's own when it has one. */
  history?: HistoryReader | undefined;
  /** Code sets, so a 核验 may say 正常 where the record holds its code. */
  codes: CodeLookup;
  sealer: Sealer;
  clock?: (() => Date) | undefined;
  /** The public scheme of @target-uri when TLS ends at a proxy that sends no X-Forwarded-Proto. */
  scheme?: 'http' | 'https' | undefined;
  /** Unwritten calls at which the gateway stops serving (call-log.ts); tests lower it. */
  maxPendingCalls?: number | undefined;
  /** Background failures (a flush that could not write); they are retried on the next tick. */
  onError?: ((err: unknown) => void) | undefined;
}

export function createGateway(base: BaseDb, deps: GatewayDeps) {
  const clock = deps.clock ?? (() => new Date());
  const onError = deps.onError;
  const auth = createAuthenticator(base, { consumers: deps.consumers, clock, scheme: deps.scheme, onError });
  const limits = createLimits(base, { clock, onError });
  const callLog = createCallLog(base, { sealer: deps.sealer, maxPending: deps.maxPendingCalls, onError });
  const service = createGatewayService({
    resources: deps.resources,
    grants: deps.grants,
    reader: deps.reader,
    history: deps.history ?? createHistoryReader(base),
    codes: deps.codes,
    clock,
  });
  const plugin = gatewayRoutes({ auth, service, limits, callLog, clock });
  return {
    async routes(app: FastifyInstance) {
      await app.register(plugin);
    },
    /** Calls, the data-subject view (`subjectLog`) and statistics (`stats`) for the console. */
    callLog,
    limits,
    /** Drops expired nonces now (the job does it every minute). */
    purgeNonces: auth.purge,
    start() {
      auth.start();
      limits.start();
      callLog.start();
    },
    async stop() {
      auth.stop();
      await Promise.all([limits.stop(), callLog.stop()]);
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
