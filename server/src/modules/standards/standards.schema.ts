import { z } from 'zod';

export const libraryId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '标准库标识须为小写英文、数字与连字符，如 lawyer');

export const dataElement = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  maxLength: z.number().int(),
  codeSet: z.string().nullable(),
  pattern: z.string().nullable(),
  aliases: z.array(z.string()),
  standard: z.string(),
  description: z.string(),
});

export const libraryField = z.object({
  key: z.string(),
  label: z.string(),
  element: z.string(),
  elementName: z.string(),
  kind: z.string(),
  required: z.boolean(),
  maxLength: z.number().int(),
  codeSet: z.string().nullable(),
  creditCodeTypes: z.array(z.string()).nullable(),
  /** Every header the importer accepts for this field. */
  headers: z.array(z.string()),
  businessKey: z.boolean(),
});

export const librarySummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  fieldCount: z.number().int(),
  businessKey: z.array(z.string()),
  /** The business key's template headers (执业证号). */
  businessKeyLabels: z.array(z.string()),
  basis: z.string(),
  description: z.string(),
});

export const libraryDetail = librarySummary.extend({
  fields: z.array(libraryField),
  crossRules: z.array(z.object({ id: z.string(), description: z.string() })),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.iso.datetime() })),
});

export const libraryParams = z.strictObject({ id: libraryId });
