/**
 * The demo's connectors: what four agencies would have issued to 浙江省司法厅 — an address, a key or
 * a signing secret, their paging and their field names. They point at the agency simulator
 * (sim/agencies, `tianping sim agencies --port 3900`), which accepts exactly these credentials.
 */
import type { ConnectorCreateInput } from './connectors.schema.ts';
import type { ConnectorService } from './connectors.service.ts';

export const DEMO_AGENCIES_URL = 'http://127.0.0.1:3900';

/** Demo-only credentials, public like the demo password; a real installation enters its own. */
export const DEMO_AGENCY_CREDENTIALS = {
  gongan: { accessKey: 'zj-sft-rkk', secret: 'gongan-demo-secret-2026' },
  minzheng: { apiKey: 'mz-demo-key-2026' },
  zrzy: { accessKey: 'zj-sft-bdc', secret: 'zrzy-demo-secret-2026' },
  zuzhi: { token: 'zz-demo-token-2026' },
} as const;

const map = (field: string, ...from: string[]) => ({ field, from, values: null });
const coded = (field: string, from: string, values: Record<string, string>) => ({ field, from: [from], values });

/** 民政 registers a couple as 男方/女方 in one record; the library keeps one record per party. */
function marriageParty(self: 'nanf' | 'nvf', spouse: 'nanf' | 'nvf') {
  return {
    fields: [
      map('registrationNo', 'djzh'), map('idNumber', `${self}.zjhm`), map('name', `${self}.xm`), map('spouseIdNumber', `${spouse}.zjhm`), map('spouseName', `${spouse}.xm`),
      coded('registrationType', 'ywlx', { IA: '结婚', IB: '离婚' }), map('registrationDate', 'djrq'), map('authority', 'djjg'), map('regionCode', 'djjgqhdm'),
    ],
  };
}

export function demoConnectorInputs(baseUrl: string = DEMO_AGENCIES_URL): ConnectorCreateInput[] {
  const c = DEMO_AGENCY_CREDENTIALS;
  return [
    {
      code: 'gongan-death', name: '公安人口库·死亡注销人员', agency: '浙江省公安厅', libraryId: 'death-record', baseUrl, endpoint: '/gongan/rkk/v1/swry',
      auth: { kind: 'hmac-sha256', accessKey: c.gongan.accessKey }, secret: c.gongan.secret,
      paging: { kind: 'cursor', cursorParam: 'cursor', sizeParam: 'limit', size: 50, itemsPath: 'data.rows', nextPath: 'data.nextCursor' },
      // 公安's gateway answers HTTP 200 with its own result code, "0000" for success.
      envelope: { codePath: 'code', okValues: ['0000'], messagePath: 'msg' },
      // Records migrated from the old register carry the ID number as `sfzh`, not `gmsfhm`.
      mapping: [{ fields: [map('idNumber', 'gmsfhm', 'sfzh'), map('name', 'xm'), map('gender', 'xbdm'), map('deathDate', 'swrq'), map('cancelledDate', 'zxrq'), map('registeredRegion', 'hjdqh'), map('authority', 'zxdw')] }],
      schedule: 'daily', timeoutMs: 30_000,
    },
    {
      code: 'minzheng-marriage', name: '民政婚姻登记信息', agency: '浙江省民政厅', libraryId: 'marriage-record', baseUrl, endpoint: '/mz/hydj/api/records',
      auth: { kind: 'api-key', header: 'X-Api-Key', prefix: '' }, secret: c.minzheng.apiKey,
      paging: { kind: 'page', pageParam: 'pageNo', sizeParam: 'pageSize', firstPage: 1, size: 40, itemsPath: 'result.records', totalPath: 'result.total' },
      envelope: { codePath: 'success', okValues: ['true'], messagePath: 'message' },
      mapping: [marriageParty('nanf', 'nvf'), marriageParty('nvf', 'nanf')],
      schedule: 'weekly', timeoutMs: 30_000,
    },
    {
      code: 'zrzy-real-estate', name: '不动产登记信息（自然人）', agency: '浙江省自然资源厅', libraryId: 'real-estate', baseUrl, endpoint: '/zrzy/bdc/v2/qlr-fwxx',
      auth: { kind: 'hmac-sha256', accessKey: c.zrzy.accessKey }, secret: c.zrzy.secret,
      paging: { kind: 'page', pageParam: 'page', sizeParam: 'size', firstPage: 0, size: 50, itemsPath: 'content', totalPath: 'totalElements' },
      envelope: null,
      // The legacy 房产 system's records name the owner's ID `zjhm`; 权属状态 comes as a code.
      mapping: [{
        fields: [
          map('certificateNo', 'bdcqzh'), map('unitNo', 'bdcdyh'), map('idNumber', 'qlrzjh', 'zjhm'), map('name', 'qlrmc'), map('shareType', 'gyqk'), map('location', 'zl'),
          map('use', 'yt'), map('area', 'jzmj'), map('registrationDate', 'djsj'), coded('rightStatus', 'qszt', { 1: '现势', 2: '历史' }),
        ],
      }],
      schedule: 'weekly', timeoutMs: 30_000,
    },
    {
      code: 'zuzhi-civil-servant', name: '公务员登记信息', agency: '中共浙江省委组织部', libraryId: 'civil-servant', baseUrl, endpoint: '/zz/gwy/v1/persons',
      auth: { kind: 'api-key', header: 'Authorization', prefix: 'Bearer ' }, secret: c.zuzhi.token,
      paging: { kind: 'cursor', cursorParam: 'after', sizeParam: 'size', size: 50, itemsPath: 'items', nextPath: 'next' },
      envelope: null,
      mapping: [{
        fields: [
          map('idNumber', 'idCard'), map('name', 'name'), map('gender', 'sex'), map('employer', 'unit.name'), map('employerCreditCode', 'unit.uscc'), map('post', 'duty'),
          map('rank', 'rank'), map('status', 'status'), map('registeredDate', 'registerDate'),
        ],
      }],
      schedule: 'weekly', timeoutMs: 30_000,
    },
  ];
}

/** Registers the demo connectors (without pulling: the simulator may not be running yet). */
export async function seedConnectorsDemo(connectors: ConnectorService, opts: { orgId: number | null; baseUrl?: string }) {
  for (const input of demoConnectorInputs(opts.baseUrl)) await connectors.create({ system: 'demo' }, null, input, opts.orgId);
}
