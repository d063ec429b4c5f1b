/**
 * Test helpers: law versions written straight into the library's tables (a few elements, chosen
 * dates), so power-list tests control versions and statuses without the import; and the module's
 * routes mounted on an app of their own behind the real route guard and sessions.
 */
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse, InjectOptions } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import { createHttpApp } from '../../platform/http/app.ts';
import { installRouteGuard } from '../../platform/http/route-guard.ts';
import { createLogger } from '../../platform/logger.ts';
import { createDictionaryModule } from '../dictionary/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import { toChineseNumber } from '../laws/numerals.ts';
import { createPowerListModule } from './index.ts';

export interface FixtureLaw {
  id: string;
  title: string;
  effectiveDate?: string | null;
  supersededOn?: string | null;
  repealedOn?: string | null;
  importedAt?: Date;
  /** [path under the law, text]: 'art3', 'art3/p1', 'art3/p1/i2'… in document order. */
  elements: [string, string][];
}

const KIND: Record<string, string> = { art: 'article', p: 'paragraph', i: 'item', m: 'subitem' };

/** Writes one law version and its elements; the short title and version date come from the id. */
export async function insertLaw(db: BaseDb, law: FixtureLaw): Promise<void> {
  const [shortTitle = '', versionDate = ''] = law.id.split('/');
  await sql`insert into law_versions (id, short_title, title, version_date, effective_date, superseded_on, repealed_on, imported_at)
    values (${law.id}, ${shortTitle}, ${law.title}, ${versionDate}, ${law.effectiveDate ?? null}, ${law.supersededOn ?? null}, ${law.repealedOn ?? null}, ${law.importedAt ?? new Date()})`.execute(db);
  let ord = 0;
  for (const [path, text] of law.elements) {
    const segs = path.split('/');
    const last = segs.at(-1) ?? '';
    const [, prefix = '', digits = '0'] = /^([a-z]+)(\d+)/.exec(last) ?? [];
    const n = Number(digits);
    const kind = KIND[prefix] ?? 'text';
    const label = kind === 'article' ? `第${toChineseNumber(n)}条` : kind === 'item' ? `（${toChineseNumber(n)}）` : '';
    const parent = segs.length > 1 ? `${law.id}/${segs.slice(0, -1).join('/')}` : null;
    ord++;
    await sql`insert into law_elements (id, law_id, piece, parent_id, ord, kind, number, label, text, line)
      values (${`${law.id}/${path}`}, ${law.id}, '', ${parent}, ${ord}, ${kind}, ${n}, ${label}, ${text}, ${ord})`.execute(db);
  }
}

/** 测试管理法: an article with two 款 (the first with items), an article of one 款. */
export const TEST_LAW: FixtureLaw = {
  id: '测试管理法/2015-01-01',
  title: '中华人民共和国测试管理法',
  elements: [
    ['art3', ''],
    ['art3/p1', '从业人员有下列行为之一的，由主管部门给予警告，可以处五千元以下的罚款：'],
    ['art3/p1/i1', '同时在两个以上机构执业的；'],
    ['art3/p1/i2', '以不正当手段承揽业务的。'],
    ['art3/p2', '情节严重的，给予停止执业三个月以下的处罚。'],
    ['art4', ''],
    ['art4/p1', '设立测试机构，应当向主管部门申请许可。'],
  ],
};

/** An XLSX of the import format from plain rows (header row first), for import tests. */
export async function workbookOf(items: (string | number | null)[][], tiers?: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('执法事项').addRows(items);
  if (tiers) wb.addWorksheet('裁量基准').addRows(tiers);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The power list's routes behind the real guard, sessions from the test app's identity module:
 * what main.ts mounts, without depending on it.
 */
export async function mountPowerList(db: BaseDb, identity: IdentityModule, clock?: () => Date) {
  const module = createPowerListModule(db, { codes: createDictionaryModule(db).lookup, clock });
  const app = await createHttpApp(createLogger('silent'), { trustProxy: false });
  installRouteGuard(app, () => identity.auth.resolveSession);
  await app.register(module.routes);
  await app.ready();
  return {
    module,
    app,
    as(token: string, opts: InjectOptions): Promise<LightMyRequestResponse> {
      return app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${token}` } });
    },
    close: () => app.close(),
  };
}
