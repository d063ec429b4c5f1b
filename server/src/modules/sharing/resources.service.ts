/**
 * 政务信息资源目录: resources over the standard libraries, with the terms they are shared on.
 */
import { sql, type Selectable } from 'kysely';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { orgIdInScope } from '../identity/index.ts';
import { STANDARD_LIBRARIES } from '../standards/index.ts';
import { checkFields, fieldsOf, libraryOf, lookupServable } from './catalog.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { OpenType, SharingTables, SharingType, ShareResourcesTable } from './sharing.tables.ts';

export interface ResourceInput {
  code: string;
  name: string;
  libraryId: string;
  ownerOrgId: number | null;
  fields: string[];
  lookupKeys: string[];
  updateCycle: ShareResourcesTable['update_cycle'];
  sharingType: SharingType;
  sharingBasis: string;
  openType: OpenType;
  description: string;
}

type ResourceRow = Selectable<ShareResourcesTable>;

export function createResourceService(base: BaseDb) {
  const db = base.withTables<SharingTables>();

  function check(input: ResourceInput): void {
    const library = libraryOf(input.libraryId);
    checkFields(library, input.fields, 'fields');
    const notOffered = input.lookupKeys.filter((k) => !input.fields.includes(k));
    if (notOffered.length > 0) throw sharingErrors.SHARE_RESOURCE_INVALID(`查询条件必须是资源所含字段：${notOffered.join('、')}`, notOffered.map((k) => ({ field: 'lookupKeys', message: k })));
    const unservable = input.lookupKeys.filter((k) => !lookupServable(library, k));
    if (unservable.length > 0) {
      const names = new Map(fieldsOf(library).map((f) => [f.id, f.name]));
      const servable = [...names.keys()].filter((k) => lookupServable(library, k));
      const named = (keys: string[]) => keys.map((k) => names.get(k) ?? k).join('、');
      throw sharingErrors.SHARE_RESOURCE_INVALID(`${library.name}只能按 ${named(servable)} 查询，不能按 ${named(unservable)} 查询`, unservable.map((k) => ({ field: 'lookupKeys', message: k })));
    }
    // 政务信息资源共享管理暂行办法 第九条: a conditional or refused resource states its basis.
    if (input.sharingType !== 'unconditional' && input.sharingBasis.trim() === '') {
      throw sharingErrors.SHARE_RESOURCE_INVALID('有条件共享或不予共享的资源须写明依据', [{ field: 'sharingBasis', message: '空' }]);
    }
  }

  const columns = (i: ResourceInput) => ({
    name: i.name,
    library_id: i.libraryId,
    owner_org_id: i.ownerOrgId,
    fields: i.fields,
    lookup_keys: i.lookupKeys,
    update_cycle: i.updateCycle,
    sharing_type: i.sharingType,
    sharing_basis: i.sharingBasis,
    open_type: i.openType,
    description: i.description,
  });

  const service = {
    async list(f: { q?: string | undefined; sharingType?: SharingType | undefined }) {
      let q = db.selectFrom('share_resources').selectAll().orderBy('code');
      if (f.q) q = q.where((eb) => eb.or([eb('code', 'like', `%${escapeLike(f.q ?? '')}%`), eb('name', 'like', `%${escapeLike(f.q ?? '')}%`)]));
      if (f.sharingType) q = q.where('sharing_type', '=', f.sharingType);
      return q.execute();
    },

    async get(code: string) {
      const row = await db.selectFrom('share_resources').selectAll().where('code', '=', code).executeTakeFirst();
      if (!row) throw sharingErrors.SHARE_RESOURCE_NOT_FOUND(`没有共享资源 ${code}`, [{ field: 'code', message: code }]);
      return row;
    },

    /** The resource's fields with their 数据元 names (what `sharing resource show` prints). */
    describe(row: ResourceRow) {
      const all = fieldsOf(libraryOf(row.library_id));
      return all.filter((f) => row.fields.includes(f.id));
    },

    async create(who: AuditWho, input: ResourceInput) {
      check(input);
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('share_resources').select('code').where('code', '=', input.code).executeTakeFirst();
        if (taken) throw sharingErrors.SHARE_RESOURCE_EXISTS(`共享资源编码 ${input.code} 已存在`, [{ field: 'code', message: input.code }]);
        await trx.insertInto('share_resources').values({ code: input.code, ...columns(input) }).execute();
        await recordAudit(trx, who, { action: 'sharing.resource.create', targetType: 'share_resource', targetId: input.code, changes: { ...input } });
        return input.code;
      });
    },

    /** Only the owner's units change a resource's terms (an unowned one: the 'all' scope). */
    async update(who: AuditWho, actor: Actor | null, code: string, input: Omit<ResourceInput, 'code'>) {
      check({ ...input, code });
      return db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('share_resources').selectAll().where('code', '=', code);
        if (actor) q = q.where(orgIdInScope(actor, 'owner_org_id'));
        const before = await q.forUpdate().executeTakeFirst();
        if (!before) throw sharingErrors.SHARE_RESOURCE_NOT_FOUND(`没有共享资源 ${code}`, [{ field: 'code', message: code }]);
        await trx.updateTable('share_resources').set({ ...columns({ ...input, code }), updated_at: sql`now()` }).where('code', '=', code).execute();
        await recordAudit(trx, who, { action: 'sharing.resource.update', targetType: 'share_resource', targetId: code, changes: { before: { fields: before.fields, sharingType: before.sharing_type }, after: { fields: input.fields, sharingType: input.sharingType } } });
      });
    },

    /**
     * The starting catalog of an empty installation: a resource per standard library, code = the
     * library id (`lawyer`). Registers of institutions are shared unconditionally (they are public
     * rolls: 律师事务所名册); records of persons on conditions, looked up by key or ID number.
     * Administrators edit terms and owners afterwards.
     */
    async ensureBaseline() {
      const any = await db.selectFrom('share_resources').select('code').limit(1).executeTakeFirst();
      if (any) return;
      const ownerOrgId = null;
      const institutions = new Set(['law-firm', 'notary-office', 'appraisal-institution', 'mediation-committee']);
      for (const l of STANDARD_LIBRARIES) {
        const keys = [...new Set([...l.businessKey, 'idNumber'])].filter((k) => l.fields.some((f) => f.key === k) && lookupServable(l, k));
        const open = institutions.has(l.id);
        await service.create({ system: 'sharing' }, {
          code: l.id,
          name: `${l.name}信息`,
          libraryId: l.id,
          ownerOrgId,
          fields: l.fields.map((f) => f.key),
          lookupKeys: keys,
          updateCycle: 'daily',
          sharingType: open ? 'unconditional' : 'conditional',
          sharingBasis: open ? '' : '个人信息保护法 第十三条第一款第（三）项、第三十四条：国家机关为履行法定职责在必要范围内处理',
          openType: open ? 'open' : 'closed',
          description: l.description,
        });
      }
    },
  };
  return service;
}

export type ResourceService = ReturnType<typeof createResourceService>;
