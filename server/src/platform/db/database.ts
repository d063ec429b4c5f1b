import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

// PostgreSQL returns int8 (count(*), bigint ids) as strings by default; our counts and ids fit in
// a JS number, so parse them once here instead of at every call site.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
// A `date` (a law's effective date) is a calendar day, not an instant: as a JS Date it would be
// midnight in the server's zone and shift a day when formatted elsewhere. Keep 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type DatabaseKind = 'pglite' | 'postgresql';

/** Where the data lives: an embedded PGlite data directory (default) or a PostgreSQL URL. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgresql'; url: string };

/**
 * Every module sees the database through `db.withTables<ItsTables>()`; the base handle knows no
 * tables, so no module can type-check a query against another module's tables by accident.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type BaseDb = Kysely<{}>;

/** A transaction of any module, for platform services (audit) that write their own table in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTrx = Transaction<any>;

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: BaseDb;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgresql') {
    // JIT compilation costs ~100 ms on the first run of a statement once statistics exist (law
    // search: 律 went from 110–130 ms to 24 ms without it); our queries are short OLTP ones.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: '-c jit=off' });
    // An idle connection the server ends (restart, failover, a dropped database) is reported here;
    // unheard, pg rethrows it and the process dies. The pool discards that client and opens another.
    pool.on('error', () => undefined);
    // Fail fast with a clear message instead of on the first request.
    const client = await pool.connect();
    client.release();
    const db: BaseDb = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) }); // eslint-disable-line @typescript-eslint/no-empty-object-type
    return { kind: 'postgresql', db, close: () => db.destroy() };
  }
  const memory = target.dataDir.startsWith('memory://');
  let lock: DataDirLock | undefined;
  if (!memory) lock = acquireDataDirLock(target.dataDir);
  try {
    const pglite = await PGlite.create(memory ? target.dataDir : target.dataDir);
    const pool = new pg.Pool(createPgConfig(pglite));
    const db: BaseDb = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) }); // eslint-disable-line @typescript-eslint/no-empty-object-type
    return {
      kind: 'pglite',
      db,
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
