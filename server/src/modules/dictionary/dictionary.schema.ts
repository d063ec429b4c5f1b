import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { descriptionText, plainText } from '../../platform/http/text.ts';

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const setCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '代码集编码须以小写字母开头，2–40 位小写字母、数字或下划线');
// National codes are digits ('01', '111'), ours are words ('valid'): letters, digits and . _ -.
export const itemCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, '代码须为 1–40 位字母、数字、下划线、点或连字符，以字母或数字开头');

export const codeSet = z.object({
  code: z.string(),
  name: z.string(),
  standard: z.string().nullable(),
  description: z.string(),
  editable: z.boolean(),
  builtin: z.boolean(),
  itemCount: z.number().int(),
});

export const codeItem = z.object({
  code: z.string(),
  label: z.string(),
  sort: z.number().int(),
  enabled: z.boolean(),
  parentCode: z.string().nullable(),
});

export const setParams = z.strictObject({ code: setCode });
export const itemParams = z.strictObject({ code: setCode, itemCode });

export const setListQuery = z.strictObject({ ...pageQuery });
export const itemListQuery = z.strictObject({ ...pageQuery, enabled: boolQuery.optional() });

export const setCreateBody = z.strictObject({
  code: setCode,
  name: plainText(50),
  standard: plainText(50).nullable().optional(),
  description: descriptionText(500).optional(),
});

const sort = z.number().int().min(0).max(100000);
export const itemCreateBody = z.strictObject({
  code: itemCode,
  label: plainText(100),
  sort: sort.optional(),
  enabled: z.boolean().optional(),
  parentCode: itemCode.nullable().optional(),
});
export const itemPatchBody = z.strictObject({
  label: plainText(100).optional(),
  sort: sort.optional(),
  enabled: z.boolean().optional(),
});
