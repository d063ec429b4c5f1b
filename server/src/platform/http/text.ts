import { z } from 'zod';

// Characters that have no place in a name, title or code and that mark injection attempts
// (HTML tags, quotes, statement separators, SQL comments). Queries are parameterized and output is
// escaped anyway; refusing them at the edge keeps stored data clean for every later consumer
// (exports, shared APIs, other agencies' systems) — DESIGN §4 "bad input gets a 4xx".
const FORBIDDEN = /[<>"'`;\\\u0000-\u001f\u007f]|--|\/\*|\*\//;

/** True when `s` has none of the characters a plain name or title may not hold (see FORBIDDEN). */
export function isPlainText(s: string): boolean {
  return !FORBIDDEN.test(s);
}

/** A single-line human text field (names, titles), 1..max characters, trimmed. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !FORBIDDEN.test(s), { message: '不能包含 < > " \' ` ; \\ 、控制字符或注释符号' });
}

/** A multi-line description: line breaks allowed, markup and other control characters not. */
export function descriptionText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !/[<>`\\\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: '不能包含 < > ` \\ 或控制字符' });
}

/** Positive integer id in a path parameter. */
export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
