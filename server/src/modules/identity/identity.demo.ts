import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { BaseDb } from '../../platform/db/database.ts';
import { makeCreditCode } from './credit-code.rules.ts';
import type { DivisionImporter } from './divisions.service.ts';
import type { IdentityTables } from './identity.tables.ts';
import { findBureauByRegion, insertOrg } from './orgs.queries.ts';
import type { OrgType } from './org-types.ts';
import type { UserService } from './users.service.ts';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/divisions');

export const DEMO_PASSWORD = 'Tianping@2026';

/** The demo accounts: one per role, at the levels a user of each role works at. */
export const DEMO_USERS = [
  { username: 'sysadmin', displayName: '系统管理员', region: '330000', role: 'sysadmin', note: '组织机构、用户、数据字典、工作日历' },
  { username: 'secadmin', displayName: '安全管理员', region: '330000', role: 'secadmin', note: '角色权限、分配角色、解锁账号' },
  { username: 'auditadmin', displayName: '审计管理员', region: '330000', role: 'auditadmin', note: '登录日志、审计日志（只读）' },
  { username: 'zj_leader', displayName: '王厅长', region: '330000', role: 'leader', note: '全省（浙江省司法厅及下级）', phone: '13805710001' },
  { username: 'hz_leader', displayName: '李局长', region: '330100', role: 'leader', note: '杭州市司法局及下级', phone: '13905710002' },
  { username: 'xihu_staff', displayName: '张科员', region: '330106', role: 'staff', note: '西湖区司法局及其司法所', phone: '13605710003' },
  { username: 'yinzhou_staff', displayName: '陈科员', region: '330212', role: 'staff', note: '宁波市鄞州区司法局及其司法所', phone: '13705740004' },
] as const;

/** Units beside the bureau tree: legal-aid centres, a prison, a drug rehabilitation centre. */
const EXTRA_UNITS: { name: string; type: OrgType; region: string; parentRegion: string }[] = [
  { name: '浙江省法律援助中心', type: 'legal_aid_center', region: '330000', parentRegion: '330000' },
  { name: '浙江省乔司监狱', type: 'prison', region: '330113', parentRegion: '330000' },
  { name: '浙江省十里坪强制隔离戒毒所', type: 'drug_rehab', region: '330825', parentRegion: '330000' },
  { name: '杭州市法律援助中心', type: 'legal_aid_center', region: '330100', parentRegion: '330100' },
  { name: '杭州市西湖区法律援助中心', type: 'legal_aid_center', region: '330106', parentRegion: '330106' },
  { name: '宁波市鄞州区法律援助中心', type: 'legal_aid_center', region: '330212', parentRegion: '330212' },
];

/** 北山街道 → 北山司法所: a 司法所 is named after its town or street. */
export function justiceOfficeName(street: string): string {
  return `${street.replace(/(街道|镇|乡)$/, '')}司法所`;
}

/**
 * The deterministic demo of DESIGN §6: 浙江省司法厅 with its 11 city bureaus and every county
 * bureau (real GB/T 2260 codes), 司法所 for real streets, a few special units, and one account
 * per role. Credit codes are checksum-valid but invented (机关 prefix 11), never real ones.
 */
export async function seedIdentityDemo(base: BaseDb, importDivisions: DivisionImporter, users: UserService): Promise<void> {
  const db = base.withTables<IdentityTables>();
  const who = { system: 'demo' };
  await importDivisions(who, fs.readFileSync(path.join(DATA_DIR, '330000-zhejiang.csv')));
  const streets = parse(fs.readFileSync(path.join(DATA_DIR, '330000-zhejiang-streets.csv')), { columns: true, skip_empty_lines: true }) as {
    code: string;
    name: string;
    countyCode: string;
  }[];
  await db.transaction().execute(async (trx) => {
    for (const s of streets) {
      const county = await findBureauByRegion(trx, s.countyCode, ['county_bureau']);
      if (county) await insertOrg(trx, { parent: county, name: justiceOfficeName(s.name), type: 'justice_office', regionCode: s.countyCode, creditCode: null });
    }
    for (const u of EXTRA_UNITS) {
      const parent = await findBureauByRegion(trx, u.parentRegion, ['province_dept', 'city_bureau', 'county_bureau']);
      if (parent) await insertOrg(trx, { parent, name: u.name, type: u.type, regionCode: u.region, creditCode: null });
    }
    // Checksum-valid 统一社会信用代码 for every unit (登记管理部门 1 机构编制, 类别 1 机关 / 2 事业单位).
    const orgs = await trx.selectFrom('orgs').select(['id', 'type', 'region_code']).orderBy('id').execute();
    for (const o of orgs) {
      const category = ['legal_aid_center', 'notary_office', 'appraisal_center', 'affiliated_unit'].includes(o.type) ? '2' : '1';
      const creditCode = makeCreditCode({ registry: '1', category, regionCode: o.region_code === '100000' ? '100000' : o.region_code, sequence: 10_000_000 + o.id });
      await trx.updateTable('orgs').set({ credit_code: creditCode }).where('id', '=', o.id).execute();
    }
  });
  for (const u of DEMO_USERS) {
    const org = await findBureauByRegion(db, u.region, ['province_dept', 'city_bureau', 'county_bureau']);
    if (!org) throw new Error(`demo: no bureau for ${u.region}`);
    const phone = 'phone' in u ? u.phone : null;
    await users.create(who, { username: u.username, displayName: u.displayName, orgId: org.id, roleCodes: [u.role], password: DEMO_PASSWORD, phone }, { forceChange: false });
  }
}
