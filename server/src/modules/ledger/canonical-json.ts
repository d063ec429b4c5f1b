/**
 * The JSON Canonicalization Scheme of RFC 8785 (JCS): one byte string per JSON value, so a hash
 * or signature over a record does not depend on key order or whitespace, and a verifier written
 * in another language can rebuild the same bytes.
 *
 * RFC 8785 borrows ES2015+ serialization for strings and numbers, so `JSON.stringify` of a
 * string or a finite number is already canonical. What JSON.stringify gets wrong for hashing is
 * everything else: it keeps insertion order, and it silently drops or rewrites what JSON cannot
 * carry (undefined → omitted, NaN → null, a Date → a string, a Map → {}), so a hash of its
 * output would vouch for data that is not there. Here such values are refused instead.
 */

export function canonicalJson(value: unknown): string {
  return serialize(value, '$', new Set());
}

/** The canonical form as the UTF-8 bytes that get hashed and signed. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

// A half surrogate pair is not Unicode (RFC 8785 §3.1 requires I-JSON), and its UTF-8 encoding
// would silently become U+FFFD, so two different strings would hash alike.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function refuse(path: string, why: string): never {
  throw new TypeError(`canonical JSON: ${path} ${why}`);
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return string(value, path);
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `is ${value}, which JSON cannot represent`);
      return JSON.stringify(value); // ES Number::toString, and -0 → "0" (RFC 8785 §3.2.2.3)
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : container(value, path, ancestors);
    default: // undefined, function, bigint, symbol
      return refuse(path, `has type ${typeof value}, which JSON cannot represent`);
  }
}

function string(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) refuse(path, 'contains half of a surrogate pair, which is not valid Unicode');
  return JSON.stringify(s);
}

function container(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) refuse(path, 'contains itself (a cycle)');
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    // An index loop, not map(): map skips holes, and a hole must be refused like undefined.
    for (let i = 0; i < value.length; i++) items.push(serialize(value[i], `${path}[${i}]`, ancestors));
    out = `[${items.join(',')}]`;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Object.create(null) chains have no constructor.
      refuse(path, `is a ${value.constructor?.name ?? 'non-plain'} object; only plain objects and arrays are JSON`);
    }
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, which is exactly the order of RFC 8785 §3.2.3.
    const members = Object.keys(record)
      .sort()
      .map((k) => {
        const at = IDENTIFIER.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
        return `${string(k, at)}:${serialize(record[k], at, ancestors)}`;
      });
    out = `{${members.join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}
