import type { TestApp } from './harness.ts';

/**
 * Reads request schemas back out of the served OpenAPI document, so the bad-input test covers
 * every field of every route — including fields added later — without a hand-kept list.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** A place in a body where a value goes, e.g. ['days', 0, 'name'], and what type it takes. */
export interface ValueNode {
  path: (string | number)[];
  type: ValueType;
  enum?: unknown[];
}

function docOf(tp: TestApp): OpenApiDoc {
  return tp.app.swagger() as unknown as OpenApiDoc;
}

function operation(tp: TestApp, routeKey: string) {
  const [method, url] = routeKey.split(' ') as [string, string];
  const path = url.replace(/:([A-Za-z]+)/g, '{$1}');
  return docOf(tp).paths[path]?.[method.toLowerCase()];
}

/** The one concrete schema behind $ref, nullable unions and single-branch allOf. */
function resolve(tp: TestApp, s: JsonSchema): JsonSchema {
  if (s.$ref) {
    const name = s.$ref.split('/').at(-1) ?? '';
    const target = docOf(tp).components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${s.$ref}`);
    return resolve(tp, target);
  }
  const branches = s.anyOf ?? s.oneOf ?? (s.allOf?.length === 1 ? s.allOf : undefined);
  if (branches) {
    const concrete = branches.find((b) => b.type !== 'null');
    if (concrete) return resolve(tp, concrete);
  }
  return s;
}

function typeOf(s: JsonSchema): ValueType | undefined {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t as ValueType;
  if (s.properties) return 'object';
  if (s.enum) return 'string';
  return undefined;
}

export function bodySchemaOf(tp: TestApp, routeKey: string): JsonSchema | undefined {
  const schema = operation(tp, routeKey)?.requestBody?.content?.['application/json']?.schema;
  return schema ? resolve(tp, schema) : undefined;
}

export function queryParamsOf(tp: TestApp, routeKey: string): { name: string; type: ValueType | undefined; enum?: unknown[] }[] {
  return (operation(tp, routeKey)?.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => {
      const s = p.schema ? resolve(tp, p.schema) : {};
      return { name: p.name, type: typeOf(s), ...(s.enum ? { enum: s.enum } : {}) };
    });
}

/** Every value position of a body schema: each property, and the first item of each array. */
export function valueNodes(schema: JsonSchema, path: (string | number)[] = []): ValueNode[] {
  const s = resolveInline(schema);
  const type = typeOf(s);
  const out: ValueNode[] = [];
  if (path.length > 0 && type) out.push({ path, type, ...(s.enum ? { enum: s.enum } : {}) });
  if (type === 'object') {
    for (const [name, child] of Object.entries(s.properties ?? {})) out.push(...valueNodes(child, [...path, name]));
  } else if (type === 'array' && s.items) {
    out.push(...valueNodes(s.items, [...path, 0]));
  }
  return out;
}

/** Nested schemas are inlined by fastify-type-provider-zod; a $ref here would need the document. */
function resolveInline(s: JsonSchema): JsonSchema {
  const branches = s.anyOf ?? s.oneOf ?? (s.allOf?.length === 1 ? s.allOf : undefined);
  if (branches) {
    const concrete = branches.find((b) => b.type !== 'null');
    if (concrete) return resolveInline(concrete);
  }
  if (s.$ref) throw new Error(`$ref ${s.$ref} inside a body schema: teach openapi-walk.ts to resolve it`);
  return s;
}

/** A value of a type the position does not take. */
export function wrongTypeFor(type: ValueType): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'abc';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-a-list';
    case 'object':
      return 'not-an-object';
    default: {
      const never: never = type;
      throw new Error(`unknown type ${String(never)}`);
    }
  }
}

/** A copy of `body` with `value` at `path`, creating the containers on the way. */
export function setAt(body: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const root = structuredClone(body);
  let node: Record<string | number, unknown> = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return root;
}
