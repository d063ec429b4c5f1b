import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { BaseDb } from './database.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');
const NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

/**
 * Forward-only plain-SQL migrations (DESIGN §2): each file runs once, in name order, inside its
 * own transaction together with its bookkeeping row. A file that was applied is never edited;
 * a change is a new file.
 */
export async function migrate(db: BaseDb, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const files = fs.readdirSync(dir).filter((f) => NAME.test(f)).sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const didRun = await db.transaction().execute(async (trx) => {
      // Two servers starting against one PostgreSQL must not run the same file twice.
      await sql`select pg_advisory_xact_lock(72656)`.execute(trx);
      const done = await sql`select 1 from schema_migrations where name = ${file}`.execute(trx);
      if (done.rows.length > 0) return false;
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name) values (${file})`.execute(trx);
      return true;
    });
    if (didRun) ran.push(file);
  }
  return ran;
}
