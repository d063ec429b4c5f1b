/**
 * The demo's subjects and officers: the province 司法厅, the city bureaus, the county bureaus of
 * 杭州 and 鄞州 as 法定行政机关, one 司法所 entrusted by 西湖区司法局 (ADP-30), and about sixty
 * officers — a few with expired certificates, some expiring within 30 days, one suspended — so
 * supervision has findings. Written in one transaction: the demo runs in every test app.
 */
import { recordAudit } from '../../platform/audit/audit.ts';
import { dayNumber, formatDay } from '../../platform/calendar/dates.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { idCheckDigit } from '../standards/index.ts';
import * as q from './enforcement.queries.ts';
import { beijingDay, type EnforcementService, type OfficerInput } from './enforcement.service.ts';

export interface DemoOrg {
  id: number;
  name: string;
  type: string;
  regionCode: string;
  parentId: number | null;
}
export type DemoOrgs = readonly DemoOrg[];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
export const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '丽', '华'];

/** A checksum-valid, invented 公民身份号码 of the org's region. */
export function idNumberOf(region: string, k: number): string {
  const birth = `19${70 + (k % 25)}${String((k % 12) + 1).padStart(2, '0')}${String((k % 27) + 1).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(100 + k).slice(-3)}`;
  return first17 + idCheckDigit(first17);
}

export async function seedEnforcementDemo(base: BaseDb, service: EnforcementService, orgs: DemoOrgs, clock: () => Date) {
  const db = base.withTables<q.Tables>();
  const who = { system: 'demo' };
  const today = dayNumber(beijingDay(clock())) ?? 0;
  const day = (offset: number) => formatDay(today + offset);
  const bureau = (region: string) => orgs.find((o) => o.regionCode === region && ['province_dept', 'city_bureau', 'county_bureau'].includes(o.type));
  const province = bureau('330000');
  const cities = orgs.filter((o) => o.type === 'city_bureau');
  const counties = orgs.filter((o) => o.type === 'county_bureau' && (o.regionCode.startsWith('3301') || o.regionCode === '330212'));
  const xihu = bureau('330106');
  const office = orgs.find((o) => o.type === 'justice_office' && o.parentId === xihu?.id);
  if (!province || !xihu) return { subjects: 0, officers: 0 };
  const rows = await db.selectFrom('power_items').select(['id', 'kind']).orderBy('code').execute();
  const items = rows.map((i) => i.id);
  // What a 司法所 is entrusted with: inspections first, then penalties (the 委托书's matters say so).
  const entrustable = [...rows.filter((i) => i.kind === '行政检查'), ...rows.filter((i) => i.kind === '行政处罚')].slice(0, 2).map((i) => i.id);

  const subjects = await db.transaction().execute(async (trx) => {
    const now = clock();
    let xihuSubject: number | null = null;
    let n = 0;
    for (const o of [province, ...cities, ...counties]) {
      const id = await q.insertSubject(trx, {
        org_id: o.id, kind: '法定行政机关', legal_basis: '《中华人民共和国行政处罚法》第十七条；《律师法》《公证法》《司法鉴定管理决定》等规定的司法行政职权',
        domains: ['01'], entrusted_by: null, entrustment_no: null, entrustment_matters: null, entrustment_from: null, entrustment_to: null, entrustment_published_on: null,
      }, now);
      if (id === null) continue;
      await q.replaceItems(trx, id, items);
      if (o.id === xihu.id) xihuSubject = id;
      n += 1;
    }
    // ADP-30: a 司法所 acting under 西湖区司法局's 委托书 for some of its matters.
    if (office && xihuSubject !== null && entrustable.length > 0) {
      const id = await q.insertSubject(trx, {
        org_id: office.id, kind: '受委托组织', legal_basis: '《中华人民共和国行政处罚法》第二十条、第二十一条', domains: ['01'], entrusted_by: xihuSubject,
        entrustment_no: '西司委〔2024〕1号', entrustment_matters: '委托实施辖区内法律服务执业活动的行政检查及警告类行政处罚', entrustment_from: day(-400), entrustment_to: day(700), entrustment_published_on: day(-395),
      }, now);
      if (id !== null) {
        await q.replaceItems(trx, id, entrustable);
        n += 1;
      }
    }
    await recordAudit(trx, who, { action: 'enforcement.subject.demo', targetType: 'enforcement_subject', targetId: null, changes: { subjects: n } });
    return n;
  });

  // About sixty officers: where, and whose certificate is out of order.
  const yinzhou = bureau('330212');
  const placed: DemoOrg[] = [
    ...Array<DemoOrg>(6).fill(province),
    ...cities.flatMap((c) => Array<DemoOrg>(c.regionCode === '330100' ? 6 : 2).fill(c)),
    ...Array<DemoOrg>(10).fill(xihu),
    ...(yinzhou ? Array<DemoOrg>(6).fill(yinzhou) : []),
    ...counties.filter((c) => c.id !== xihu.id && c.id !== yinzhou?.id).slice(0, 8),
    ...(office ? [office, office] : []),
  ];
  const xihuFirst = placed.indexOf(xihu);
  const inputs: OfficerInput[] = placed.map((o, k) => {
    const expired = k === xihuFirst + 1 || k % 17 === 5;
    const expiring = k === xihuFirst + 2 || k % 13 === 3;
    const issued = expired ? -1900 - k : -700 - k * 3;
    return {
      name: `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 7) % GIVEN.length]}${k % 3 === 0 ? GIVEN[(k * 3) % GIVEN.length] : ''}`,
      idNumber: idNumberOf(o.regionCode, k),
      orgId: o.id,
      certificateNo: `浙${o.regionCode}${String(2020 + (k % 5))}${String(k + 1).padStart(4, '0')}`,
      domains: ['01'],
      issuedOn: day(issued),
      expiresOn: day(expired ? -10 - (k % 90) : expiring ? 5 + (k % 24) : 400 + k * 11),
      legalQualification: k % 5 === 0,
    };
  });
  await service.officers.upsert(who, inputs);
  const suspended = inputs[xihuFirst + 3];
  if (suspended) {
    const [row] = await q.officersByCertificate(db, [suspended.certificateNo]);
    if (row) await service.officers.changeStatus(who, row.id, { action: 'suspend', reason: '涉嫌违规执法，停职调查期间暂扣执法证', effectiveOn: day(-20) });
  }
  return { subjects, officers: inputs.length };
}
