/**
 * The demo's sharing: the province owns the catalog; a court system holds a grant on the lawyer
 * roll under a published key (so anyone can try a signed call, like the demo passwords), and a
 * market-regulation system waits for approval of its demand for the notary roll.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { BaseDb } from '../../platform/db/database.ts';
import type { ConsumerService } from './consumers.service.ts';
import type { GrantService } from './grants.service.ts';

/** Published with the demo accounts (README): never use them outside the demo. */
export const DEMO_CONSUMER = { keyId: 'demo-court', secret: 'tianping-demo-secret-2026' } as const;

const DEMO = { system: 'demo' } as const;

export async function seedSharingDemo(base: BaseDb, d: { consumers: ConsumerService; grants: GrantService; provinceOrgId: number | null; cityOrgId: number | null }) {
  await sql`update share_resources set owner_org_id = ${d.provinceOrgId} where owner_org_id is null`.execute(base);
  const court = await d.consumers.create(DEMO, { name: '杭州市中级人民法院审判系统', agency: '杭州市中级人民法院', orgId: d.cityOrgId, alg: 'hmac-sha256' }, DEMO_CONSUMER);
  await d.grants.createGrant(DEMO, {
    consumerId: court.consumerId,
    resourceCode: 'lawyer',
    fields: ['name', 'idNumber', 'licenceNo', 'firmName', 'practiceType', 'practiceStatus'],
    plainFields: ['name'],
    purpose: '核实诉讼代理人律师执业身份',
    legalBasis: '民事诉讼法 第六十一条；律师法 第二条',
    ratePerSecond: 20,
    quotaPerDay: 20_000,
  });
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const market = await d.consumers.create(DEMO, { name: '浙江省市场监督管理局登记系统', agency: '浙江省市场监督管理局', orgId: d.cityOrgId, alg: 'ed25519', publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() });
  await d.grants.demand(DEMO, null, { consumerId: market.consumerId, resourceCode: 'notary', fields: ['name', 'licenceNo', 'practiceStatus'], purpose: '核查公证员兼职情况', legalBasis: '公证法 第二十三条' });
}
