/**
 * Structured Field Values for HTTP (RFC 8941), as much as Signature-Input, Signature and
 * Content-Digest need: dictionaries, inner lists, items with parameters and all six bare item
 * types of RFC 8941 (RFC 9651's dates and display strings are not accepted: none of those fields
 * uses them). Parsing follows the algorithms of §4.2 step by step and fails on anything else —
 * a signature header is either well-formed or refused, never "repaired" into a different meaning.
 *
 * Serialization is canonical (§4.1), so a parsed Signature-Input serializes back to the exact
 * text the signer put in "@signature-params" (RFC 9421 §2.3).
 */

export type BareItem =
  | { kind: 'integer'; value: number }
  | { kind: 'decimal'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'token'; value: string }
  | { kind: 'bytes'; value: Buffer }
  | { kind: 'boolean'; value: boolean };

export type Parameters = Map<string, BareItem>;

export interface Item {
  readonly type: 'item';
  value: BareItem;
  params: Parameters;
}

export interface InnerList {
  readonly type: 'inner-list';
  items: Item[];
  params: Parameters;
}

export type Member = Item | InnerList;
export type Dictionary = Map<string, Member>;

export class StructuredFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StructuredFieldError';
  }
}

export const sfString = (value: string): BareItem => ({ kind: 'string', value });
export const sfInteger = (value: number): BareItem => ({ kind: 'integer', value });
export const sfToken = (value: string): BareItem => ({ kind: 'token', value });
export const sfBytes = (value: Buffer): BareItem => ({ kind: 'bytes', value });
export const item = (value: BareItem, params: Parameters = new Map()): Item => ({ type: 'item', value, params });
export const innerList = (items: Item[], params: Parameters = new Map()): InnerList => ({ type: 'inner-list', items, params });

const KEY = /^[a-z*][a-z0-9_\-.*]*$/;
const TOKEN = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*$/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_INTEGER = 999_999_999_999_999;

// ---- parsing (§4.2) ----

class Input {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text.charAt(this.pos);
  }
  next(): string {
    return this.text.charAt(this.pos++);
  }
  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }
  skipOws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  fail(why: string): never {
    throw new StructuredFieldError(`${why}（第 ${this.pos + 1} 个字符）`);
  }
}

/** §4.2: leading and trailing spaces are discarded; anything left over after the value fails. */
function parseField<T>(text: string, parse: (input: Input) => T): T {
  const input = new Input(text.replace(/^ +| +$/g, ''));
  const value = parse(input);
  if (!input.done) input.fail('结构化字段末尾有多余内容');
  return value;
}

export function parseDictionary(text: string): Dictionary {
  return parseField(text, (input) => {
    const dict: Dictionary = new Map();
    while (!input.done) {
      const key = parseKey(input);
      if (input.peek() === '=') {
        input.next();
        dict.set(key, parseMember(input));
      } else {
        dict.set(key, item({ kind: 'boolean', value: true }, parseParameters(input)));
      }
      input.skipOws();
      if (input.done) return dict;
      if (input.next() !== ',') input.fail('字典成员之间应以逗号分隔');
      input.skipOws();
      if (input.done) input.fail('字典末尾不能是逗号');
    }
    return dict;
  });
}

export function parseItem(text: string): Item {
  return parseField(text, parseItemAt);
}

function parseMember(input: Input): Member {
  return input.peek() === '(' ? parseInnerList(input) : parseItemAt(input);
}

function parseInnerList(input: Input): InnerList {
  input.next(); // '('
  const items: Item[] = [];
  while (!input.done) {
    input.skipSpaces();
    if (input.peek() === ')') {
      input.next();
      return innerList(items, parseParameters(input));
    }
    items.push(parseItemAt(input));
    const c = input.peek();
    if (c !== ' ' && c !== ')') input.fail('内部列表的成员之间应以空格分隔');
  }
  return input.fail('内部列表缺少右括号');
}

function parseItemAt(input: Input): Item {
  const value = parseBareItem(input);
  return item(value, parseParameters(input));
}

function parseParameters(input: Input): Parameters {
  const params: Parameters = new Map();
  while (input.peek() === ';') {
    input.next();
    input.skipSpaces();
    const key = parseKey(input);
    let value: BareItem = { kind: 'boolean', value: true };
    if (input.peek() === '=') {
      input.next();
      value = parseBareItem(input);
    }
    params.set(key, value);
  }
  return params;
}

function parseKey(input: Input): string {
  const first = input.peek();
  if (!/^[a-z*]$/.test(first)) input.fail('键应以小写字母或 * 开头');
  let key = '';
  while (!input.done && /[a-z0-9_\-.*]/.test(input.peek())) key += input.next();
  return key;
}

function parseBareItem(input: Input): BareItem {
  const c = input.peek();
  if (c === '-' || /^[0-9]$/.test(c)) return parseNumber(input);
  if (c === '"') return parseString(input);
  if (c === ':') return parseBytes(input);
  if (c === '?') return parseBoolean(input);
  if (/^[A-Za-z*]$/.test(c)) return parseToken(input);
  return input.fail('无法识别的值');
}

function parseNumber(input: Input): BareItem {
  let sign = 1;
  if (input.peek() === '-') {
    input.next();
    sign = -1;
  }
  if (!/[0-9]/.test(input.peek())) input.fail('数字格式不正确');
  let digits = '';
  let decimal = false;
  while (!input.done) {
    const c = input.peek();
    if (c >= '0' && c <= '9') {
      digits += input.next();
    } else if (c === '.' && !decimal) {
      if (digits.length > 12) input.fail('小数的整数部分超过 12 位');
      digits += input.next();
      decimal = true;
    } else {
      break;
    }
    if (!decimal && digits.length > 15) input.fail('整数超过 15 位');
    if (decimal && digits.length > 16) input.fail('小数超过 16 个字符');
  }
  if (!decimal) return { kind: 'integer', value: sign * Number(digits) };
  const fraction = digits.length - digits.indexOf('.') - 1;
  if (fraction < 1 || fraction > 3) input.fail('小数部分应为 1 到 3 位');
  return { kind: 'decimal', value: sign * Number(digits) };
}

function parseString(input: Input): BareItem {
  input.next(); // '"'
  let value = '';
  while (!input.done) {
    const c = input.next();
    if (c === '\\') {
      const escaped = input.next();
      if (escaped !== '"' && escaped !== '\\') input.fail('字符串中只能转义 " 和 \\');
      value += escaped;
    } else if (c === '"') {
      return { kind: 'string', value };
    } else if (c < ' ' || c > '~') {
      input.fail('字符串只能包含可见 ASCII 字符和空格');
    } else {
      value += c;
    }
  }
  return input.fail('字符串缺少结束引号');
}

function parseToken(input: Input): BareItem {
  let value = input.next();
  while (!input.done && TOKEN_CHAR.test(input.peek())) value += input.next();
  return { kind: 'token', value };
}

function parseBytes(input: Input): BareItem {
  input.next(); // ':'
  const end = input.text.indexOf(':', input.pos);
  if (end < 0) input.fail('字节序列缺少结束冒号');
  const b64 = input.text.slice(input.pos, end);
  if (!BASE64.test(b64)) input.fail('字节序列不是 base64');
  input.pos = end + 1;
  // §4.2.7: parsers SHOULD NOT fail when '=' padding is absent; Buffer decodes both spellings.
  return { kind: 'bytes', value: Buffer.from(b64, 'base64') };
}

function parseBoolean(input: Input): BareItem {
  input.next(); // '?'
  const c = input.next();
  if (c === '1') return { kind: 'boolean', value: true };
  if (c === '0') return { kind: 'boolean', value: false };
  return input.fail('布尔值应为 ?0 或 ?1');
}

// ---- serialization (§4.1) ----

export function serializeDictionary(dict: Dictionary): string {
  return [...dict]
    .map(([key, member]) => {
      checkKey(key);
      if (member.type === 'item' && member.value.kind === 'boolean' && member.value.value) {
        return key + serializeParameters(member.params);
      }
      return `${key}=${serializeMember(member)}`;
    })
    .join(', ');
}

export function serializeMember(member: Member): string {
  return member.type === 'item' ? serializeItem(member) : serializeInnerList(member);
}

export function serializeInnerList(list: InnerList): string {
  return `(${list.items.map(serializeItem).join(' ')})${serializeParameters(list.params)}`;
}

export function serializeItem(it: Item): string {
  return serializeBareItem(it.value) + serializeParameters(it.params);
}

export function serializeParameters(params: Parameters): string {
  let out = '';
  for (const [key, value] of params) {
    checkKey(key);
    out += value.kind === 'boolean' && value.value ? `;${key}` : `;${key}=${serializeBareItem(value)}`;
  }
  return out;
}

export function serializeBareItem(value: BareItem): string {
  switch (value.kind) {
    case 'integer':
      if (!Number.isInteger(value.value) || Math.abs(value.value) > MAX_INTEGER) {
        throw new StructuredFieldError(`整数超出范围：${value.value}`);
      }
      return String(value.value);
    case 'decimal':
      return serializeDecimal(value.value);
    case 'string':
      if (!/^[\x20-\x7e]*$/.test(value.value)) throw new StructuredFieldError('字符串只能包含可见 ASCII 字符和空格');
      return `"${value.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    case 'token':
      if (!TOKEN.test(value.value)) throw new StructuredFieldError(`不是合法的 token：${value.value}`);
      return value.value;
    case 'bytes':
      return `:${value.value.toString('base64')}:`;
    case 'boolean':
      return value.value ? '?1' : '?0';
    default: {
      const never: never = value;
      throw new StructuredFieldError(`未知的值类型：${JSON.stringify(never)}`);
    }
  }
}

/** §4.1.5: at most three fractional digits, rounded half to even; at least one is written. */
function serializeDecimal(v: number): string {
  if (!Number.isFinite(v)) throw new StructuredFieldError(`小数超出范围：${v}`);
  const scaled = Math.abs(v) * 1000;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const rounded = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  const whole = Math.floor(rounded / 1000);
  if (String(whole).length > 12) throw new StructuredFieldError(`小数的整数部分超过 12 位：${v}`);
  const fraction = String(rounded % 1000).padStart(3, '0').replace(/0+$/, '') || '0';
  return `${v < 0 && rounded !== 0 ? '-' : ''}${whole}.${fraction}`;
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new StructuredFieldError(`不是合法的键：${key}`);
}
