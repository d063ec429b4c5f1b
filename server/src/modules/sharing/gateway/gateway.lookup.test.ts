import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { createSigner, httpbis } from 'http-message-signatures';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKit, grant, hmacConsumer, HOST, signed, type Client, type Kit, type SignedCall } from './test-kit.ts';

/**
 * Issue 5's gateway, done-when: only granted fields, ever; a consumer without a grant gets
 * nothing; replayed, stale, unsigned and tampered requests are refused; every call is logged
 * without its data; the data-subject log lists exactly the lookups made of a person; a third-party
 * RFC 9421 client can call it.
 */

let h: Awaited<ReturnType<typeof createKit>>;
let kit: Kit;
let court: Client; // 法院: name/licence/ID/phone/status, all masked
let ministry: Client; // 司法部: ID number plain
let stranger: Client; // no grant at all
const started = new Date();

interface Lawyer {
  licenceNo: string;
  idNumber: string;
  name: string;
  phone: string;
  firmName: string;
}
let lawyers: Lawyer[];

/** Every call this file makes, in order, with what it was answered: the call log must hold exactly these. */
const made: { consumerId: number | null; status: number; code: string | null }[] = [];

async function call(client: Client | null, opts: InjectOptions) {
  const res = await kit.app.inject(opts);
  const body = res.json() as Record<string, unknown>;
  // A call refused at the signature is logged without a consumer: its keyid was only a claim.
  made.push({ consumerId: res.statusCode === 401 ? null : (client?.consumerId ?? null), status: res.statusCode, code: res.statusCode >= 400 ? String(body.code) : null });
  return { status: res.statusCode, body, headers: res.headers };
}

const lookup = (client: Client, query: string, over: Partial<SignedCall> = {}) => call(client, signed(client, { path: `/api/v1/share/lawyer?${query}`, ...over }));

beforeAll(async () => {
  h = await createKit();
  kit = h.kit;
  court = await hmacConsumer(kit, '杭州市中级人民法院');
  ministry = await hmacConsumer(kit, '司法部律师工作局');
  stranger = await hmacConsumer(kit, '某商业公司');
  await grant(kit, court);
  await grant(kit, ministry, { fields: ['name', 'idNumber', 'licenceNo'], plainFields: ['idNumber'], purpose: '全国律师执业信息汇总' });
  const rows = await sql<{ data: Lawyer }>`
    select data from agg_records where library_id = 'lawyer' and data ->> 'phone' is not null and data ->> 'idNumber' is not null order by business_key limit 20`.execute(kit.tp.database.db);
  lawyers = rows.rows.map((r) => r.data);
});
afterAll(async () => {
  await h.destroy();
});

describe('lookup by key: only granted fields, masked unless plain', () => {
  it('by licence number: exactly the granted fields, ID number and phone masked', async () => {
    const l = lawyers[0]!;
    const res = await lookup(court, `licenceNo=${l.licenceNo}`);
    expect(res.status).toBe(200);
    const data = res.body.data as Record<string, unknown>[];
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]!).sort()).toEqual(['idNumber', 'licenceNo', 'name', 'phone', 'practiceStatus']);
    expect(data[0]).toMatchObject({ name: l.name, licenceNo: l.licenceNo, practiceStatus: '1' });
    expect(data[0]!.idNumber).toBe(`${l.idNumber.slice(0, 3)}***********${l.idNumber.slice(-4)}`);
    expect(data[0]!.phone).toBe(`${l.phone.slice(0, 3)}****${l.phone.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(l.firmName);
  });

  it('by ID number (lower-case x accepted), with the plain field unmasked and nothing else of the record', async () => {
    const l = lawyers[1]!;
    const res = await lookup(ministry, `idNumber=${l.idNumber.toLowerCase()}`, { purpose: '全国律师执业信息汇总' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ name: l.name, idNumber: l.idNumber, licenceNo: l.licenceNo }]);
  });

  it('a licence number nobody holds: an empty list, not an error', async () => {
    const res = await lookup(court, 'licenceNo=99999999999999999');
    expect(res).toMatchObject({ status: 200, body: { data: [] } });
  });

  it('exactly one lookup field of the resource: none, two, or a field that is no lookup key → 400', async () => {
    const l = lawyers[0]!;
    for (const q of [`name=${encodeURIComponent(l.name)}`, `licenceNo=${l.licenceNo}&idNumber=${l.idNumber}`, 'firmName=x']) {
      const res = await lookup(court, q);
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('SHARE_QUERY_INVALID');
      expect(res.body.data).toBeUndefined();
    }
  });

  it('a consumer without a grant gets nothing: 403 SHARE_NO_GRANT', async () => {
    const res = await lookup(stranger, `licenceNo=${lawyers[0]!.licenceNo}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'SHARE_NO_GRANT' });
    expect(JSON.stringify(res.body)).not.toContain(lawyers[0]!.name);
  });

  it('a resource that does not exist: 404', async () => {
    const res = await call(court, signed(court, { path: `/api/v1/share/no-such-thing?licenceNo=1` }));
    expect(res).toMatchObject({ status: 404, body: { code: 'SHARE_RESOURCE_NOT_FOUND' } });
  });
});

describe('purpose: required, and within the grant (PIPL 第六条)', () => {
  const q = () => `licenceNo=${lawyers[2]!.licenceNo}`;

  it('the grant purpose followed by the matter at hand is served', async () => {
    expect((await lookup(court, q(), { purpose: '律师执业核查：(2025)浙0106民初123号' })).status).toBe(200);
  });

  it('another purpose is refused: 403 SHARE_PURPOSE_MISMATCH', async () => {
    const res = await lookup(court, q(), { purpose: '商业营销' });
    expect(res).toMatchObject({ status: 403, body: { code: 'SHARE_PURPOSE_MISMATCH' } });
    expect(res.body.data).toBeUndefined();
  });

  it('a signed but empty purpose: 400 SHARE_PURPOSE_REQUIRED; a purpose not covered by the signature: 401 SIG_COMPONENTS', async () => {
    expect((await lookup(court, q(), { purpose: '' })).body.code).toBe('SHARE_PURPOSE_REQUIRED');
    const uncovered = await lookup(court, q(), { purpose: null });
    expect(uncovered).toMatchObject({ status: 401, body: { code: 'SIG_COMPONENTS' } });
  });
});

describe('replayed, stale, unsigned and tampered requests are refused with 401 and a code', () => {
  const path = () => `/api/v1/share/lawyer?licenceNo=${lawyers[3]!.licenceNo}`;

  it('unsigned', async () => {
    const res = await call(null, { method: 'GET', url: path(), headers: { host: HOST, 'tp-purpose': encodeURIComponent('律师执业核查') } });
    expect(res).toMatchObject({ status: 401, body: { code: 'SIG_MISSING' } });
    expect(res.body.message).toMatch(/未签名/);
  });

  it('replayed: the same signed request twice', async () => {
    const req = signed(court, { path: path() });
    expect((await call(court, req)).status).toBe(200);
    expect(await call(court, req)).toMatchObject({ status: 401, body: { code: 'SIG_REPLAY' } });
  });

  it('stale: created more than 5 minutes ago, or too far ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await lookup(court, `licenceNo=${lawyers[3]!.licenceNo}`, { created: now - 301 })).body.code).toBe('SIG_STALE');
    expect((await lookup(court, `licenceNo=${lawyers[3]!.licenceNo}`, { created: now + 120 })).body.code).toBe('SIG_STALE');
  });

  it('tampered: another query, another purpose, another body', async () => {
    const req = signed(court, { path: path() });
    const otherQuery = await call(court, { ...req, url: `/api/v1/share/lawyer?licenceNo=${lawyers[4]!.licenceNo}` });
    expect(otherQuery).toMatchObject({ status: 401, body: { code: 'SIG_INVALID' } });
    const otherPurpose = await call(court, { ...req, headers: { ...req.headers, 'tp-purpose': encodeURIComponent('律师执业核查：另案') } });
    expect(otherPurpose).toMatchObject({ status: 401, body: { code: 'SIG_INVALID' } });
    const v = signed(court, { path: '/api/v1/share/lawyer/verify', body: { licenceNo: lawyers[3]!.licenceNo, practiceStatus: '正常' } });
    const otherBody = await call(court, { ...v, payload: JSON.stringify({ licenceNo: lawyers[4]!.licenceNo, practiceStatus: '正常' }) });
    expect(otherBody).toMatchObject({ status: 401, body: { code: 'SIG_DIGEST_MISMATCH' } });
    for (const r of [otherQuery, otherPurpose, otherBody]) expect(r.body.data ?? r.body.match).toBeUndefined();
  });

  it('an unknown key, and a suspended consumer', async () => {
    const res = await call(null, signed({ ...court, keyId: 'tp-nobody' }, { path: path() }));
    expect(res).toMatchObject({ status: 401, body: { code: 'SIG_KEY_UNKNOWN' } });
    const paused = await hmacConsumer(kit, '已停用的调用方');
    await grant(kit, paused);
    expect((await lookup(paused, `licenceNo=${lawyers[3]!.licenceNo}`)).status).toBe(200);
    await kit.consumers.setStatus({ system: 'test' }, null, paused.consumerId, 'suspended');
    expect(await lookup(paused, `licenceNo=${lawyers[3]!.licenceNo}`)).toMatchObject({ status: 403, body: { code: 'SHARE_CONSUMER_SUSPENDED' } });
  });
});

describe('核验 (verification): yes or no, never the record', () => {
  const verify = (client: Client, body: unknown) => call(client, signed(client, { path: '/api/v1/share/lawyer/verify', body }));

  it('answers match true/false by label or code, and nothing else', async () => {
    const l = lawyers[5]!;
    const yes = await verify(court, { licenceNo: l.licenceNo, name: l.name, practiceStatus: '正常' });
    expect(yes).toMatchObject({ status: 200, body: { match: true } });
    expect(Object.keys(yes.body)).toEqual(['match']);
    expect((await verify(court, { idNumber: l.idNumber, practiceStatus: '1' })).body).toEqual({ match: true });
    expect((await verify(court, { licenceNo: l.licenceNo, practiceStatus: '注销' })).body).toEqual({ match: false });
    expect((await verify(court, { licenceNo: l.licenceNo, name: '张冒名' })).body).toEqual({ match: false });
    expect((await verify(court, { licenceNo: '99999999999999999', practiceStatus: '正常' })).body).toEqual({ match: false });
  });

  it('a field outside the grant cannot be asserted (a yes/no would disclose it): 403', async () => {
    const l = lawyers[5]!;
    const res = await verify(court, { licenceNo: l.licenceNo, firmName: l.firmName });
    expect(res).toMatchObject({ status: 403, body: { code: 'SHARE_FIELD_NOT_GRANTED' } });
  });

  it('a label that is no code of the field, an unknown field, no lookup field, a future date: 400', async () => {
    const l = lawyers[5]!;
    expect((await verify(court, { licenceNo: l.licenceNo, practiceStatus: '在职' })).body.code).toBe('SHARE_QUERY_INVALID');
    expect((await verify(court, { licenceNo: l.licenceNo, shoeSize: '42' })).body.code).toBe('SHARE_QUERY_INVALID');
    expect((await verify(court, { name: l.name })).body.code).toBe('SHARE_QUERY_INVALID');
    expect((await verify(court, { licenceNo: l.licenceNo, practiceStatus: '正常', on: '2999-01-01' })).body.code).toBe('SHARE_QUERY_INVALID');
  });
});

describe('the data-subject view lists exactly the lookups made of a person', () => {
  it('lookups and verifications of A by any consumer, none of B, none refused', async () => {
    const a = lawyers[10]!;
    const b = lawyers[11]!;
    expect((await lookup(court, `licenceNo=${a.licenceNo}`)).status).toBe(200);
    expect((await call(court, signed(court, { path: '/api/v1/share/lawyer/verify', body: { idNumber: a.idNumber, practiceStatus: '正常' } }))).status).toBe(200);
    expect((await lookup(ministry, `idNumber=${a.idNumber}`, { purpose: '全国律师执业信息汇总：年度考核' })).status).toBe(200);
    expect((await lookup(stranger, `idNumber=${a.idNumber}`)).status).toBe(403);
    expect((await lookup(court, `licenceNo=${a.licenceNo}`, { purpose: '另一用途' })).status).toBe(403);
    expect((await lookup(court, `licenceNo=${b.licenceNo}`)).status).toBe(200);

    const logA = await kit.gateway.callLog.subjectLog(a.idNumber.toLowerCase());
    expect(logA.total).toBe(3);
    expect(logA.items.map((i) => [i.consumerName, i.service, i.purpose, i.status, i.resourceName])).toEqual([
      ['司法部律师工作局', 'lookup', '全国律师执业信息汇总：年度考核', 200, '律师信息'],
      ['杭州市中级人民法院', 'verify', '律师执业核查', 200, '律师信息'],
      ['杭州市中级人民法院', 'lookup', '律师执业核查', 200, '律师信息'],
    ]);
    const logB = await kit.gateway.callLog.subjectLog(b.idNumber);
    expect(logB.items.map((i) => [i.consumerName, i.service])).toEqual([['杭州市中级人民法院', 'lookup']]);
    expect((await kit.gateway.callLog.subjectLog(lawyers[19]!.idNumber)).total).toBe(0);
  });
});

describe('a third-party RFC 9421 client (http-message-signatures) over real HTTP', () => {
  it('looks up and verifies; its replay is refused', async () => {
    const origin = await kit.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (kit.app.server.address() as AddressInfo).port;
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    const secret = (court.key as { secret: Buffer }).secret;
    const signer = createSigner(secret, 'hmac-sha256', court.keyId);
    const purpose = encodeURIComponent('律师执业核查：第三方客户端');
    const l = lawyers[6]!;

    const url = `${origin}/api/v1/share/lawyer?licenceNo=${l.licenceNo}`;
    const get = await httpbis.signMessage({ key: signer, name: 'sig1', fields: ['@method', '@target-uri', 'tp-purpose'], params: ['created', 'nonce', 'keyid', 'alg'], paramValues: { nonce: crypto.randomUUID() } }, { method: 'GET', url, headers: { 'tp-purpose': purpose } as Record<string, string> });
    const res = await fetch(url, { headers: get.headers as Record<string, string> });
    made.push({ consumerId: court.consumerId, status: res.status, code: null });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { name: string }[] }).data[0]?.name).toBe(l.name);
    const replay = await fetch(url, { headers: get.headers as Record<string, string> });
    made.push({ consumerId: null, status: replay.status, code: 'SIG_REPLAY' });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('SIG_REPLAY');

    const body = Buffer.from(JSON.stringify({ licenceNo: l.licenceNo, practiceStatus: '正常' }));
    const vurl = `${origin}/api/v1/share/lawyer/verify`;
    const digest = `sha-256=:${crypto.createHash('sha256').update(body).digest('base64')}:`;
    const post = await httpbis.signMessage(
      { key: signer, name: 'sig1', fields: ['@method', '@target-uri', 'tp-purpose', 'content-digest'], params: ['created', 'nonce', 'keyid', 'alg'], paramValues: { nonce: crypto.randomUUID() } },
      { method: 'POST', url: vurl, headers: { 'tp-purpose': purpose, 'content-type': 'application/json', 'content-digest': digest } as Record<string, string> },
    );
    const v = await fetch(vurl, { method: 'POST', headers: post.headers as Record<string, string>, body });
    made.push({ consumerId: court.consumerId, status: v.status, code: null });
    expect(v.status).toBe(200);
    expect(await v.json()).toEqual({ match: true });
  });
});

describe('every call is logged, refused ones too, without the data', () => {
  it('share_calls holds exactly the calls made, with consumer, status and code; no returned value', async () => {
    await kit.gateway.callLog.flush();
    const rows = await sql<{ consumer_id: number | null; status: number; code: string | null; row: string; latency_ms: number }>`
      select consumer_id, status, code, row_to_json(c)::text as row, latency_ms from share_calls c order by id`.execute(kit.tp.database.db);
    expect(rows.rows.map((r) => ({ consumerId: r.consumer_id, status: r.status, code: r.code }))).toEqual(made);
    expect(rows.rows.every((r) => r.latency_ms > 0)).toBe(true);
    const text = rows.rows.map((r) => r.row).join('\n');
    for (const l of lawyers) for (const v of [l.name, l.idNumber, l.phone, l.firmName]) expect(text).not.toContain(v);
    const subjects = await sql<{ subject: Buffer }>`select subject from share_call_subjects`.execute(kit.tp.database.db);
    expect(subjects.rows.length).toBeGreaterThan(0);
    for (const s of subjects.rows) {
      expect(s.subject).toHaveLength(32);
      for (const l of lawyers) expect(s.subject.toString('latin1')).not.toContain(l.idNumber);
    }
  });

  it('statistics per consumer, resource and day add up to the calls made', async () => {
    const q = { from: started, to: new Date(Date.now() + 60_000) };
    const total = made.length;
    const refused = made.filter((m) => m.status >= 400).length;
    for (const groupBy of ['consumer', 'resource', 'day'] as const) {
      const rows = await kit.gateway.callLog.stats({ ...q, groupBy });
      expect(rows.reduce((n, r) => n + r.calls, 0), groupBy).toBe(total);
      expect(rows.reduce((n, r) => n + r.refused, 0), groupBy).toBe(refused);
    }
    const byConsumer = await kit.gateway.callLog.stats({ ...q, groupBy: 'consumer' });
    expect(byConsumer.find((r) => r.key === String(court.consumerId))).toMatchObject({ label: '杭州市中级人民法院', calls: made.filter((m) => m.consumerId === court.consumerId).length });
    const byResource = await kit.gateway.callLog.stats({ ...q, groupBy: 'resource' });
    expect(byResource.find((r) => r.key === 'lawyer')?.label).toBe('律师信息');
  });
});
