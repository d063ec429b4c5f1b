import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { creditCodeError } from './credit-code.rules.ts';
import { identityErrors as E } from './identity.errors.ts';
import type { IdentityTables } from './identity.tables.ts';
import { isOrgType, orgTypeLabel } from './org-types.ts';
import * as q from './orgs.queries.ts';

type OrgRow = Awaited<ReturnType<typeof q.findOrg>> & object;

export interface OrgView {
  id: number;
  name: string;
  type: string;
  typeLabel: string;
  regionCode: string;
  creditCode: string | null;
  parentId: number | null;
  depth: number;
}

export interface OrgTreeNode extends OrgView {
  children: OrgTreeNode[];
}

export function toOrgView(o: OrgRow): OrgView {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    typeLabel: orgTypeLabel(o.type),
    regionCode: o.region_code,
    creditCode: o.credit_code,
    parentId: o.parent_id,
    depth: o.depth,
  };
}

export interface OrgInput {
  parentId: number;
  name: string;
  type: string;
  regionCode: string;
  creditCode?: string | null | undefined;
  sort?: number | undefined;
}

export type OrgPatch = Partial<Omit<OrgInput, 'parentId'>> & { parentId?: number | undefined };

function checkFields(input: OrgPatch): void {
  if (input.type !== undefined && !isOrgType(input.type)) {
    throw E.ORG_TYPE_INVALID(undefined, [{ field: 'type', message: `机构类型 ${input.type} 不在字典中` }]);
  }
  if (input.regionCode !== undefined && !/^[1-9]\d{5}$/.test(input.regionCode)) {
    throw E.ORG_REGION_CODE_INVALID(undefined, [{ field: 'regionCode', message: '行政区划代码应为 6 位数字（GB/T 2260）' }]);
  }
  if (input.creditCode) {
    const why = creditCodeError(input.creditCode);
    if (why) throw E.ORG_CREDIT_CODE_INVALID(undefined, [{ field: 'creditCode', message: why }]);
  }
}

export function createOrgService(base: BaseDb) {
  const db = base.withTables<IdentityTables>();

  return {
    async list(actor: Actor, filter: q.OrgFilter, page: Page) {
      const { items, total } = await q.listOrgs(db, actor, filter, page);
      return { items: items.map(toOrgView), total };
    },

    /** The org tree as far as the actor may see: the roots are the topmost orgs in scope. */
    async tree(actor: Actor): Promise<OrgTreeNode[]> {
      const rows = await q.allOrgsInScope(db, actor);
      const byId = new Map<number, OrgTreeNode>();
      const roots: OrgTreeNode[] = [];
      for (const row of rows) {
        const node: OrgTreeNode = { ...toOrgView(row), children: [] };
        byId.set(node.id, node);
        const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return roots;
    },

    /** Every org, for an operator at the console of the server (CLI): no session, no scope. */
    async listAllForOperator() {
      const rows = await db.selectFrom('orgs').select(q.orgColumns).orderBy('region_code').orderBy('depth').orderBy('sort').orderBy('id').execute();
      return rows.map((o) => ({ id: o.id, name: o.name, type: o.type, regionCode: o.region_code, creditCode: o.credit_code, parentId: o.parent_id }));
    },

    async get(actor: Actor, id: number): Promise<OrgView> {
      const org = await q.findOrgInScope(db, actor, id);
      if (!org) throw E.ORG_NOT_FOUND();
      return toOrgView(org);
    },

    async create(actor: Actor, meta: RequestMeta, input: OrgInput): Promise<OrgView> {
      checkFields(input);
      return db.transaction().execute(async (trx) => {
        const parent = await q.findOrgInScope(trx, actor, input.parentId);
        if (!parent) throw E.ORG_PARENT_NOT_FOUND(undefined, [{ field: 'parentId', message: '上级机构不存在或不在数据范围内' }]);
        if (input.creditCode && (await q.findOrgByCreditCode(trx, input.creditCode))) throw E.ORG_CREDIT_CODE_TAKEN();
        const { id } = await q.insertOrg(trx, {
          parent,
          name: input.name,
          type: input.type,
          regionCode: input.regionCode,
          creditCode: input.creditCode ?? null,
          sort: input.sort,
        });
        await recordAudit(trx, { actor, meta }, {
          action: 'org.create',
          targetType: 'org',
          targetId: id,
          changes: { name: input.name, type: input.type, regionCode: input.regionCode, parentId: input.parentId, creditCode: input.creditCode ?? null },
        });
        return toOrgView((await q.findOrg(trx, id)) as OrgRow);
      });
    },

    async update(actor: Actor, meta: RequestMeta, id: number, patch: OrgPatch): Promise<OrgView> {
      checkFields(patch);
      return db.transaction().execute(async (trx) => {
        if (patch.parentId !== undefined) await q.lockOrgTree(trx); // before reading the paths it relies on
        const org = await q.findOrgInScope(trx, actor, id);
        if (!org) throw E.ORG_NOT_FOUND();
        if (patch.creditCode && patch.creditCode !== org.credit_code) {
          const other = await q.findOrgByCreditCode(trx, patch.creditCode);
          if (other && other.id !== id) throw E.ORG_CREDIT_CODE_TAKEN();
        }
        if (patch.parentId !== undefined && patch.parentId !== org.parent_id) {
          const parent = await q.findOrgInScope(trx, actor, patch.parentId);
          if (!parent) throw E.ORG_PARENT_NOT_FOUND(undefined, [{ field: 'parentId', message: '上级机构不存在或不在数据范围内' }]);
          if (parent.path.startsWith(org.path)) throw E.ORG_MOVE_INVALID();
          await q.moveSubtree(trx, org.path, `${parent.path}${id}/`, parent.depth + 1 - org.depth);
        }
        const changes = diff(
          { name: org.name, type: org.type, regionCode: org.region_code, creditCode: org.credit_code, sort: org.sort, parentId: org.parent_id },
          patch,
        );
        await trx
          .updateTable('orgs')
          .set({
            name: patch.name ?? org.name,
            type: patch.type ?? org.type,
            region_code: patch.regionCode ?? org.region_code,
            credit_code: patch.creditCode === undefined ? org.credit_code : patch.creditCode,
            sort: patch.sort ?? org.sort,
            parent_id: patch.parentId ?? org.parent_id,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, { actor, meta }, { action: 'org.update', targetType: 'org', targetId: id, changes });
        return toOrgView((await q.findOrg(trx, id)) as OrgRow);
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
