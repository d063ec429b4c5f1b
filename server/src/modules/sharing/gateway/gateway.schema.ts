import { z } from 'zod';
import { STANDARD_LIBRARIES } from '../../standards/index.ts';

/** A resource code, as the catalog spells them (sharing.schema.ts). */
export const resourceParams = z.strictObject({ resource: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '资源编码应为小写字母开头的字母、数字或连字符') });

const value = z.string().trim().min(1).max(100);

/**
 * One lookup field and its value (licenceNo=…, idNumber=…). Spelled out as every field of every
 * standard library, each optional, rather than a free record: OpenAPI needs named query
 * parameters, and a field no library has is refused before the grant is even looked at.
 */
export const lookupQuery = z
  .strictObject(Object.fromEntries([...new Set(STANDARD_LIBRARIES.flatMap((l) => l.fields.map((f) => f.key)))].sort().map((k) => [k, value.optional()])))
  .describe('资源的一个查询字段及其值，如 licenceNo=13301201010000001 或 idNumber=330106198503121234');

export const verifyBody = z
  .object({ on: z.iso.date().optional().describe('核验哪一天（北京时间）的情况，按数据中心当天结束时所存的记录；不填为当前') })
  .catchall(value)
  .describe('资源的一个查询字段（如 idNumber）加上要核验的字段值（如 "practiceStatus": "正常"，代码或名称均可）；只能核验已授权的字段');

export const changesQuery = z.strictObject({
  cursor: z.string().max(2000).optional().describe('上一页返回的 next；不填从头开始'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const record = z.record(z.string(), z.unknown()).describe('以字段标识为键，只含授权字段；未授权明文的身份证号、电话已脱敏');
export const dataView = z.object({ data: z.array(record) });
export const verifyView = z.object({ match: z.boolean().describe('是否存在与所有核验值一致的记录') });
export const changesView = z.object({ data: z.array(record), next: z.string().describe('下一页的游标：保存它，下次从这里继续') });
