import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.ts';

/** An IEEE 754 double from its bit pattern, as RFC 8785 Appendix B lists them. */
const double = (bits: string): number => Buffer.from(bits, 'hex').readDoubleBE(0);

describe('canonicalJson', () => {
  it('serializes the RFC 8785 §3.2.2 example', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Compared as text: JSON.parse would put the integer-like key "1" first again. U+0080 stays a
    // raw character: only U+0000–U+001F, '"' and '\' are escaped.
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 2 }], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[3,1,{"a":2,"z":1}]}',
    );
  });

  it.each<[string, number, string]>([
    // RFC 8785 Appendix B
    ['0000000000000000', 0, '0'],
    ['8000000000000000', -0, '0'],
    ['0000000000000001', 5e-324, '5e-324'],
    ['8000000000000001', -5e-324, '-5e-324'],
    ['7fefffffffffffff', Number.MAX_VALUE, '1.7976931348623157e+308'],
    ['ffefffffffffffff', -Number.MAX_VALUE, '-1.7976931348623157e+308'],
    ['4340000000000000', 2 ** 53, '9007199254740992'],
    ['c340000000000000', -(2 ** 53), '-9007199254740992'],
    ['4430000000000000', 2 ** 68, '295147905179352830000'],
    ['44b52d02c7e14af5', 9.999999999999997e22, '9.999999999999997e+22'],
    ['44b52d02c7e14af6', 1e23, '1e+23'],
    ['44b52d02c7e14af7', 1.0000000000000001e23, '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', 999999999999999700000, '999999999999999700000'],
    ['444b1ae4d6e2ef4f', 999999999999999900000, '999999999999999900000'],
    ['444b1ae4d6e2ef50', 1e21, '1e+21'],
    ['3eb0c6f7a0b5ed8c', 9.999999999999997e-7, '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', 0.000001, '0.000001'],
    ['41b3de4355555553', 333333333.3333332, '333333333.3333332'],
    ['41b3de4355555554', 333333333.33333325, '333333333.33333325'],
    ['41b3de4355555555', Number('333333333.33333329'), '333333333.3333333'], // more digits than a double holds
    ['41b3de4355555556', 333333333.3333334, '333333333.3333334'],
    ['41b3de4355555557', 333333333.33333343, '333333333.33333343'],
    ['becbf647612f3696', Number('-0.0000033333333333333333'), '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', Number('1424953923781206.2'), '1424953923781206.2'],
  ])('serializes the double %s as %s → %s', (bits, literal, expected) => {
    expect(Object.is(double(bits), literal)).toBe(true); // the table's bit pattern is the literal
    expect(canonicalJson(double(bits))).toBe(expected);
  });

  it.each<[number, string]>([
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [1e-7, '1e-7'],
    [1e-6, '0.000001'],
    [-0, '0'],
    [4.5, '4.5'],
  ])('serializes %d as %s', (n, expected) => {
    expect(canonicalJson(n)).toBe(expected);
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson('\u0000\u001f\b\t\n\f\r"\\/\u007f\u2028 中文 😀')).toBe(
      '"\\u0000\\u001f\\b\\t\\n\\f\\r\\"\\\\/\u007f\u2028 中文 😀"',
    );
  });

  it('returns the UTF-8 bytes', () => {
    expect(canonicalJsonBytes({ '€': 'ö' }).toString('hex')).toBe(Buffer.from('{"€":"ö"}', 'utf8').toString('hex'));
    expect(canonicalJsonBytes('€')).toEqual(Buffer.from([0x22, 0xe2, 0x82, 0xac, 0x22]));
  });

  it('accepts a value that appears twice without being a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { k: true }))).toBe('{"k":true}');
  });

  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };
  it.each<[string, unknown, RegExp]>([
    ['NaN', { a: [NaN] }, /\$\.a\[0\] is NaN/],
    ['Infinity', Infinity, /\$ is Infinity/],
    ['-Infinity', { x: -Infinity }, /\$\.x is -Infinity/],
    ['undefined', undefined, /\$ has type undefined/],
    ['an undefined member', { a: 1, b: undefined }, /\$\.b has type undefined/],
    ['an array hole', [1, , 3], /\$\[1\] has type undefined/], // eslint-disable-line no-sparse-arrays
    ['a function', { f: () => 1 }, /\$\.f has type function/],
    ['a bigint', { 'n-1': 1n }, /\$\["n-1"\] has type bigint/],
    ['a symbol', [Symbol('s')], /\$\[0\] has type symbol/],
    ['a Date', { at: new Date(0) }, /\$\.at is a Date object/],
    ['a Map', new Map(), /\$ is a Map object/],
    ['a Buffer', { b: Buffer.from('x') }, /\$\.b is a Buffer object/],
    ['a cycle', cyclic, /\$\.self\.back contains itself/],
    ['a lone surrogate in a value', { s: 'a\ud800b' }, /\$\.s contains half of a surrogate pair/],
    ['a lone surrogate in a key', { '\udc00': 1 }, /surrogate pair/],
  ])('rejects %s', (_what, value, message) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(message);
  });
});
