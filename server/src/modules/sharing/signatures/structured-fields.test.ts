import { describe, expect, it } from 'vitest';
import {
  innerList,
  item,
  parseDictionary,
  parseItem,
  serializeBareItem,
  serializeDictionary,
  serializeInnerList,
  sfString,
  StructuredFieldError,
  type BareItem,
  type Member,
} from './structured-fields.ts';

/** A member as plain data, so expectations read like the field text. */
function plain(member: Member | undefined): unknown {
  if (member === undefined) return undefined;
  const params = (p: Map<string, BareItem>) => Object.fromEntries([...p].map(([k, v]) => [k, bare(v)]));
  if (member.type === 'item') return { value: bare(member.value), params: params(member.params) };
  return { items: member.items.map((i) => ({ value: bare(i.value), params: params(i.params) })), params: params(member.params) };
}
function bare(v: BareItem): unknown {
  return v.kind === 'bytes' ? { bytes: v.value.toString('hex') } : { [v.kind]: v.value };
}

describe('parseDictionary (RFC 8941 §3.2, §4.2.2)', () => {
  it('reads the Signature-Input of RFC 9421 B.2.6 and serializes it back byte for byte', () => {
    const text = 'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"';
    const dict = parseDictionary(text);
    expect(plain(dict.get('sig-b26'))).toEqual({
      items: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'].map((s) => ({ value: { string: s }, params: {} })),
      params: { created: { integer: 1618884473 }, keyid: { string: 'test-key-ed25519' } },
    });
    expect(serializeDictionary(dict)).toBe(text);
  });

  it('reads byte sequences (Signature, Content-Digest)', () => {
    const dict = parseDictionary('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, md5=:AAAA:');
    const sha = dict.get('sha-256');
    expect(sha?.type === 'item' && sha.value.kind === 'bytes' && sha.value.value.length).toBe(32);
    expect(plain(dict.get('md5'))).toEqual({ value: { bytes: '000000' }, params: {} });
  });

  it('reads the RFC 8941 §3.2 examples: boolean members, parameters, tokens, decimals', () => {
    const dict = parseDictionary('a=?0, b, c; foo=bar, d=1.5, e=(1 2);x, f=-42');
    expect(plain(dict.get('a'))).toEqual({ value: { boolean: false }, params: {} });
    expect(plain(dict.get('b'))).toEqual({ value: { boolean: true }, params: {} });
    expect(plain(dict.get('c'))).toEqual({ value: { boolean: true }, params: { foo: { token: 'bar' } } });
    expect(plain(dict.get('d'))).toEqual({ value: { decimal: 1.5 }, params: {} });
    expect(plain(dict.get('e'))).toEqual({ items: [{ value: { integer: 1 }, params: {} }, { value: { integer: 2 }, params: {} }], params: { x: { boolean: true } } });
    expect(plain(dict.get('f'))).toEqual({ value: { integer: -42 }, params: {} });
    expect(serializeDictionary(dict)).toBe('a=?0, b, c;foo=bar, d=1.5, e=(1 2);x, f=-42');
  });

  it('tolerates the whitespace §4.2 allows: around members, tabs after commas, spaces inside inner lists', () => {
    const dict = parseDictionary('  a=1 ,\tb=(  "x"   "y"  )  ');
    expect(serializeDictionary(dict)).toBe('a=1, b=("x" "y")');
  });

  it('takes the last value of a repeated key (§4.2.2)', () => {
    expect(serializeDictionary(parseDictionary('a=1, b=2, a=3'))).toBe('a=3, b=2');
  });

  it('unescapes \\" and \\\\ in strings', () => {
    expect(plain(parseItem('"say \\"hi\\" \\\\ bye"'))).toEqual({ value: { string: 'say "hi" \\ bye' }, params: {} });
  });

  it('accepts a byte sequence without = padding (§4.2.7 SHOULD NOT fail)', () => {
    expect(plain(parseItem(':AAE:'))).toEqual({ value: { bytes: '0001' }, params: {} });
  });

  it.each([
    ['a trailing comma', 'a=1,'],
    ['an upper-case key', 'A=1'],
    ['a key starting with a digit', '1a=1'],
    ['an unterminated inner list', 'a=("x" "y"'],
    ['inner list members without a space', 'a=("x""y")'],
    ['an unterminated string', 'a="abc'],
    ['a bad escape in a string', 'a="a\\nb"'],
    ['a non-ASCII character in a string', 'a="律师"'],
    ['a byte sequence that is not base64', 'a=:not base64!:'],
    ['an unterminated byte sequence', 'a=:AAAA'],
    ['a boolean other than ?0/?1', 'a=?2'],
    ['an integer of 16 digits', 'a=1234567890123456'],
    ['a decimal with 4 fractional digits', 'a=1.2345'],
    ['a decimal ending in a dot', 'a=1.'],
    ['a decimal with 13 integer digits', 'a=1234567890123.1'],
    ['a lone minus', 'a=-'],
    ['a member separator other than a comma', 'a=1; b=2 c=3'],
    ['garbage after a value', 'a=1 x'],
    ['a value that is no type', 'a=@1'],
  ])('refuses %s', (_why, text) => {
    expect(() => parseDictionary(text)).toThrow(StructuredFieldError);
  });

  it('parses 15-digit integers and 12.3-digit decimals, the largest allowed', () => {
    expect(plain(parseItem('-999999999999999'))).toEqual({ value: { integer: -999999999999999 }, params: {} });
    expect(plain(parseItem('999999999999.999'))).toEqual({ value: { decimal: 999999999999.999 }, params: {} });
  });

  it('returns an empty dictionary for an empty field', () => {
    expect(parseDictionary('   ').size).toBe(0);
  });
});

describe('serialization (RFC 8941 §4.1)', () => {
  it('escapes quotes and backslashes and refuses non-ASCII strings', () => {
    expect(serializeBareItem(sfString('a"b\\c'))).toBe('"a\\"b\\\\c"');
    expect(() => serializeBareItem(sfString('律师'))).toThrow(StructuredFieldError);
  });

  it('rounds decimals half to even at three places and keeps one fractional digit', () => {
    expect(serializeBareItem({ kind: 'decimal', value: 2 })).toBe('2.0');
    // 1/16 and 3/16 are exact in binary, so these are true ties: 62.5 → 62, 187.5 → 188.
    expect(serializeBareItem({ kind: 'decimal', value: 0.0625 })).toBe('0.062');
    expect(serializeBareItem({ kind: 'decimal', value: 0.1875 })).toBe('0.188');
    expect(serializeBareItem({ kind: 'decimal', value: 0.0004 })).toBe('0.0');
    expect(serializeBareItem({ kind: 'decimal', value: -0.25 })).toBe('-0.25');
  });

  it('refuses integers out of range, bad tokens and bad keys', () => {
    expect(() => serializeBareItem({ kind: 'integer', value: 1e15 })).toThrow(StructuredFieldError);
    expect(() => serializeBareItem({ kind: 'integer', value: 1.5 })).toThrow(StructuredFieldError);
    expect(() => serializeBareItem({ kind: 'token', value: '1abc' })).toThrow(StructuredFieldError);
    expect(() => serializeDictionary(new Map([['Sig', item(sfString('x'))]]))).toThrow(StructuredFieldError);
  });

  it('writes inner lists with parameters as Signature-Input needs them', () => {
    const list = innerList([item(sfString('@method')), item(sfString('tp-purpose'))], new Map([['created', { kind: 'integer', value: 1 }]]));
    expect(serializeInnerList(list)).toBe('("@method" "tp-purpose");created=1');
    expect(serializeInnerList(innerList([]))).toBe('()');
  });
});
