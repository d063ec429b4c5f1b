/**
 * 统一社会信用代码 as a data element (GB 32100-2015). The code itself — charset, both check
 * characters — is validated by the identity module's `creditCodeError`, the one implementation
 * in the platform; this adds the input normalisation of an import and the check that the code
 * belongs to the right kind of organisation.
 */
import { creditCodeError } from '../identity/index.ts';
import { type Check, fail, ok, preview } from './check.ts';
import { foldWidth } from './text.rules.ts';

/**
 * 登记管理部门码 + 机构类别码 (positions 1–2, GB 32100-2015 表 1) of the organisations this
 * platform deals with. Registry 1 is 机构编制 (the 司法厅/局 and their institutions), 3 is
 * 司法行政 (what the justice departments register themselves), 5 民政 and 9 工商 appear as
 * 行政相对人 in 双公示 data; they are named so that a wrong code can be explained.
 */
export const CREDIT_CODE_TYPE_NAMES: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '其他（机构编制）',
  '31': '律师事务所',
  '32': '公证处',
  '33': '基层法律服务所',
  '34': '司法鉴定机构',
  '35': '仲裁委员会',
  '39': '其他（司法行政）',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '59': '其他（民政）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
};

/** Longer than any code with spaces between its groups; rejected before it is scanned. */
const CREDIT_RAW_MAX = 100;
const WHITESPACE = /\s+/g;
const HAS_LOWER = /[a-z]/;
const LOWER = /[a-z]+/g;
const upper = (m: string): string => m.toUpperCase();

const named = (type: string): string => {
  const name = CREDIT_CODE_TYPE_NAMES[type];
  return name === undefined ? type : `${type}（${name}）`;
};

const CODE_LENGTH = 18;

/**
 * A valid code as typed, as most cells are: 18 characters of the charset, which the
 * normalisation below would leave as they are — so it is checked once, before normalising.
 */
const validAsTyped = (raw: string): boolean => raw.length === CODE_LENGTH && creditCodeError(raw) === null;

/**
 * 统一社会信用代码, normalised: width folded, spaces removed (codes copied from PDFs and
 * licences come in groups), ASCII letters upper-cased — the charset has no lower case, and a
 * lower-case letter is a typing accident, not a different code. When `types` is given (and not
 * empty) the first two characters must be one of them, e.g. ['31'] for a 律师事务所: a valid
 * code of the wrong organisation (the firm's 党支部, a company) is the common mistake there.
 */
export function checkCreditCode(raw: string, types?: readonly string[]): Check<string> {
  if (typeof raw !== 'string') return fail('CREDIT_CODE_INVALID', '统一社会信用代码须为文本');
  if (raw.length > CREDIT_RAW_MAX) return fail('CREDIT_CODE_INVALID', '统一社会信用代码长度应为 18 位，该值过长');
  let s = raw;
  if (!validAsTyped(raw)) {
    s = foldWidth(raw).replace(WHITESPACE, '');
    if (s === '') return fail('CREDIT_CODE_INVALID', '统一社会信用代码为空');
    if (HAS_LOWER.test(s)) s = s.replace(LOWER, upper);
    const error = creditCodeError(s);
    if (error !== null) return fail('CREDIT_CODE_INVALID', error);
  }
  if (types !== undefined && types.length > 0) {
    const type = s.slice(0, 2);
    if (!types.includes(type)) {
      const actualName = CREDIT_CODE_TYPE_NAMES[type];
      const actual = actualName === undefined ? `"${preview(type)}"` : `"${type}"（${actualName}）`;
      return fail('CREDIT_CODE_TYPE', `统一社会信用代码第 1–2 位为 ${actual}，应为 ${types.map(named).join('或 ')}`);
    }
  }
  return ok(s);
}
