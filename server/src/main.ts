import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { calendarRoutes, createCalendarService, type CalendarService } from './platform/calendar/index.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { createHttpApp } from './platform/http/app.ts';
import { httpErrors } from './platform/http/errors.ts';
import { installRouteGuard, type GuardedRoute } from './platform/http/route-guard.ts';
import { createLogger } from './platform/logger.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { createIdentityModule, DEFAULT_LOGIN_POLICY, type IdentityModule, type LoginPolicy } from './modules/identity/index.ts';
import { createDictionaryModule } from './modules/dictionary/index.ts';
import { createStandardsModule } from './modules/standards/index.ts';
import { createAggregationModule, type AggregationModule } from './modules/aggregation/index.ts';
import { createLedgerModule, type LedgerModule } from './modules/ledger/index.ts';
import { createLawsModule, type LawsModule } from './modules/laws/index.ts';
import { createSharingModule, type SharingModule } from './modules/sharing/index.ts';
import { createPowerListModule, type PowerListModule } from './modules/power-list/index.ts';
import { createEnforcementModule, type EnforcementModule } from './modules/enforcement/index.ts';
import { createConnectorsModule, DEMO_AGENCIES_URL, type ConnectorsModule } from './modules/connectors/index.ts';

export interface Tianping {
  app: FastifyInstance;
  database: Database;
  identity: IdentityModule;
  calendar: CalendarService;
  aggregation: AggregationModule;
  ledger: LedgerModule;
  laws: LawsModule;
  sharing: SharingModule;
  powerList: PowerListModule;
  enforcement: EnforcementModule;
  connectors: ConnectorsModule;
  routes: GuardedRoute[];
  close(): Promise<void>;
}

export interface BuildOptions {
  logger?: Logger;
  policy?: LoginPolicy;
  clock?: () => Date;
  /** Reuse an open database (tests); otherwise opened from config and closed with the app. */
  database?: Database;
  /** How the ledger's witness reaches other nodes (tests). */
  fetch?: typeof fetch;
}

/**
 * The composition root: opens the database, migrates it, builds every module with its
 * dependencies and mounts their routes. Nothing else happens here.
 */
export async function buildTianping(config: Config, opts: BuildOptions = {}): Promise<Tianping> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openDatabase(config.database));
  try {
    await migrate(database.db);
    const calendar = await createCalendarService(database.db, opts.clock);
    const identity = createIdentityModule(database.db, opts.policy ?? DEFAULT_LOGIN_POLICY, opts.clock);
    await identity.ensureBaseline();
    const dictionary = createDictionaryModule(database.db, opts.clock);
    await dictionary.ensureBaseline();
    const standards = createStandardsModule(database.db);
    await standards.ensureBaseline();
    const aggregation = createAggregationModule(database.db, { codes: dictionary.lookup, uploadDir: uploadDirOf(config), logger, clock: opts.clock });
    const ledger = createLedgerModule(database.db, config.ledger, { logger, clock: opts.clock, fetch: opts.fetch });
    await ledger.ensureBaseline();
    const laws = createLawsModule(database.db, { clock: opts.clock });
    const powerList = createPowerListModule(database.db, { codes: dictionary.lookup, clock: opts.clock });
    const enforcement = createEnforcementModule(database.db, { codes: dictionary.lookup, orgs: identity.orgs, calendar, clock: opts.clock });
    // The installation key seals consumers' secrets; it lives with the ledger's signing keys.
    const sharing = createSharingModule(database.db, {
      calendar,
      keyDir: config.ledger.keyDir,
      reader: aggregation.reader,
      codes: dictionary.lookup,
      clock: opts.clock,
      onError: (err) => logger.error({ err }, 'sharing gateway background work failed'),
    });
    await sharing.ensureBaseline();
    // Other agencies' credentials are sealed with the same installation key.
    const connectors = createConnectorsModule(database.db, { aggregation, keyDir: config.ledger.keyDir, logger, clock: opts.clock });
    if (config.seedDemo && (await identity.isEmpty())) {
      logger.info('empty database: seeding the demo');
      await identity.seedDemo();
      const orgs = await identity.orgs.listAllForOperator();
      // The bureau of a region (not one of its 司法所, which share the region code).
      const bureau = (region: string) => orgs.find((o) => o.regionCode === region && o.type !== 'justice_office')?.id ?? null;
      await aggregation.seedDemo(async (region) => bureau(region));
      await laws.seedDemo(config.demoLawsDir, logger);
      await sharing.seedDemo({ provinceOrgId: bureau('330000'), cityOrgId: bureau('330100') });
      await connectors.seedDemo({ orgId: bureau('330000'), baseUrl: process.env.TIANPING_AGENCIES_URL ?? DEMO_AGENCIES_URL });
      const items = await powerList.seedDemo(); // its bases cite the laws just imported
      if (items.skippedBases.length > 0) logger.info({ skipped: items.skippedBases.length }, '演示权责清单中有依据条文不在法规库中，已跳过');
      await enforcement.seedDemo(orgs); // subjects hold the power-list items just seeded
      await enforcement.seedDemoCases(config.demoCases);
    }

    const app = await createHttpApp(logger, { trustProxy: config.trustProxy });
    const routes = installRouteGuard(app, () => identity.auth.resolveSession);
    await app.register(healthRoutes(database.kind));
    await app.register(identity.routes);
    await app.register(dictionary.routes);
    await app.register(standards.routes);
    await app.register(aggregation.routes);
    await app.register(ledger.routes);
    await app.register(laws.routes);
    await app.register(sharing.routes);
    await app.register(powerList.routes);
    await app.register(enforcement.routes);
    await app.register(connectors.routes);
    await app.register(calendarRoutes(calendar));
    await app.register(auditRoutes(database.db));
    await serveConsole(app, config.webDist);
    await app.ready();
    return {
      app,
      database,
      identity,
      calendar,
      aggregation,
      ledger,
      laws,
      sharing,
      powerList,
      enforcement,
      connectors,
      routes,
      async close() {
        await app.close();
        await connectors.stop(); // pulls stop at a page boundary, resumable, before their pushes' batches stop
        await aggregation.stop(); // no batch may be writing when the database closes
        await ledger.stop();
        await sharing.stop(); // pending call-log rows and quota counts are written
        if (!opts.database) await database.close();
      },
    };
  } catch (err) {
    if (!opts.database) await database.close();
    throw err;
  }
}

/** Console uploads wait here for their aggregation job: beside the embedded data, or in the temp dir. */
function uploadDirOf(config: Config): string {
  const t = config.database;
  if (t.kind === 'pglite' && !t.dataDir.startsWith('memory://')) return path.join(t.dataDir, 'uploads');
  return path.join(os.tmpdir(), 'tianping-uploads');
}

/** The built console at /, with the SPA's client-side routes falling back to index.html. */
async function serveConsole(app: FastifyInstance, webDist: string): Promise<void> {
  const hasConsole = fs.existsSync(`${webDist}/index.html`);
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (hasConsole) await app.register(fastifyStatic, { root: webDist, wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/orgs, /users/12) get the app; a missing file (/assets/x.js) stays a 404.
    const isPage = !/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (hasConsole && req.method === 'GET' && isPage && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    throw httpErrors.ROUTE_NOT_FOUND();
  });
}
