/**
 * 联系电话: a mainland China mobile number, a landline with its area code, or a service number,
 * in one stored form whatever way it was typed.
 *
 * Numbering follows the national plan (《电信网编号计划》, YD/T 2245 formats):
 * - mobile: 11 digits, 1[3-9]xxxxxxxxx → "13800000000";
 * - landline: trunk prefix 0 + area code + 7–8 digit subscriber number starting 2–8 (0 is the
 *   trunk prefix, 1 the special services, 9 the 95/96 service numbers). Area codes 010 (北京)
 *   and 020–029 (the large cities) are three digits, every other one four, so the split is
 *   unambiguous → "0571-87000000", with an extension "0571-87000000-123";
 * - 400/800 numbers (10 digits) → "400-123-4567"; 95xxx(x) and 12xxx (the 12348 公共法律服务
 *   热线 and other government hotlines) as they are.
 */
import { type Check, fail, ok, preview } from './check.ts';
import { foldWidth } from './text.rules.ts';

const PHONE_RAW_MAX = 100;
const HINT = '应为 11 位手机号码（如 13800000000）或带区号的固定电话（如 0571-87000000、0571-87000000转123）';

/** Two numbers in one cell ("13800000000/13900000000", "…；…", "…、…"). */
const SEVERAL = /\d\s*[/,;、|]\s*\+?\d/;
/** An extension after an explicit marker: 转123, 分机123, ext123, ext.123, x123, #123. */
const MARKED_EXTENSION = /(?:转分机|转|分机|ext\.?|x|#)\s*(\d+)$/i;
/** Spaces, hyphens and their look-alikes, parentheses: formatting, not part of the number. */
const SEPARATORS = /[\s\-()\u2010-\u2015\u2212]+/;
const GROUP = /^\+?\d+$/;
/** Six digits keep the stored form within the element's 20 characters ("0571-87000000-123456"). */
const EXTENSION_MAX = 6;
const EXTENSION = /^\d{1,6}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(010|02\d|0[3-9]\d\d)([2-8]\d{6,7})$/;
const FREEPHONE = /^[48]00\d{7}$/;
const SERVICE = /^(?:95\d{3,4}|12\d{3})$/;
const BARE_COUNTRY_MOBILE = /^861[3-9]\d{9}$/;
const LOCAL_ONLY = /^[2-8]\d{6,7}$/;

/**
 * A mobile or landline number already in its stored form, as most cells are: the full path below
 * would return it unchanged (a landline only with the hyphen exactly where LANDLINE splits it).
 */
const STORED_FORM = /^(?:1[3-9]\d{9}|(?:010|02\d|0[3-9]\d\d)-[2-8]\d{6,7})$/;

type Parsed = { ok: true; value: string } | { ok: false; message: string };

function parse(digits: string, ext: string): Parsed {
  let n = digits;
  let international = false;
  if (n.startsWith('+')) {
    if (!n.startsWith('+86')) return { ok: false, message: '只支持中国大陆的电话号码（国家码 +86）' };
    n = n.slice(3);
    international = true;
  } else if (n.startsWith('0086')) {
    n = n.slice(4);
    international = true;
  } else if (BARE_COUNTRY_MOBILE.test(n)) {
    // Bare "86" only before a full mobile number: "86…" could otherwise be a local number.
    n = n.slice(2);
  }
  // Dialled from abroad a landline drops its trunk 0 (+86 571 87000000); put it back.
  if (international && !n.startsWith('0') && !MOBILE.test(n) && !FREEPHONE.test(n)) n = `0${n}`;

  if (MOBILE.test(n) || SERVICE.test(n)) {
    return ext === '' ? { ok: true, value: n } : { ok: false, message: `"${n}" 不能带分机号` };
  }
  const suffix = ext === '' ? '' : `-${ext}`;
  if (FREEPHONE.test(n)) return { ok: true, value: `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}${suffix}` };
  const landline = LANDLINE.exec(n);
  if (landline) return { ok: true, value: `${landline[1]}-${landline[2]}${suffix}` };

  if (n.startsWith('1') && n.length !== 11) return { ok: false, message: `手机号码应为 11 位，实际为 ${n.length} 位` };
  if (n.startsWith('1')) return { ok: false, message: `"${n}" 不是有效的手机号码（第 2 位应为 3–9）` };
  if (LOCAL_ONLY.test(n)) return { ok: false, message: `固定电话须带区号，如 0571-${n}` };
  return { ok: false, message: `"${preview(n)}" 不是有效的电话号码：${HINT}` };
}

/**
 * A phone number in its stored form: "13800000000", "0571-87000000", "0571-87000000-123",
 * "400-123-4567", "12348". Full-width digits are folded; spaces, dashes and parentheses are
 * formatting; a leading +86 / 0086 (or 86 before a mobile number) is the country code.
 */
export function checkPhone(raw: string): Check<string> {
  if (typeof raw !== 'string') return fail('PHONE_INVALID', `联系电话须为文本：${HINT}`);
  if (STORED_FORM.test(raw)) return ok(raw);
  if (raw.length > PHONE_RAW_MAX) return fail('PHONE_INVALID', `联系电话过长：${HINT}`);
  let s = foldWidth(raw).trim();
  if (s === '') return fail('PHONE_INVALID', `联系电话为空：${HINT}`);
  if (SEVERAL.test(s)) return fail('PHONE_INVALID', '一个单元格只能填一个电话号码');

  let ext = '';
  const marked = MARKED_EXTENSION.exec(s);
  if (marked) {
    ext = marked[1] ?? '';
    if (ext.length > EXTENSION_MAX) return fail('PHONE_INVALID', `分机号最多 ${EXTENSION_MAX} 位，实际为 ${ext.length} 位`);
    s = s.slice(0, marked.index);
  }
  const groups = s.split(SEPARATORS).filter((g) => g !== '');
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? '';
    if (!GROUP.test(g) || (i > 0 && g.startsWith('+'))) {
      const bad = [...g].find((ch, j) => !(ch >= '0' && ch <= '9') && !(ch === '+' && i === 0 && j === 0)) ?? g;
      return fail('PHONE_INVALID', `联系电话含不允许的字符 "${preview(bad)}"：${HINT}`);
    }
  }
  if (groups.length === 0) return fail('PHONE_INVALID', `联系电话为空：${HINT}`);

  const whole = parse(groups.join(''), ext);
  if (whole.ok) return ok(whole.value);
  // "0571-87000000-123": without a marker, a short last group after a complete number is the extension.
  const last = groups[groups.length - 1] ?? '';
  if (ext === '' && groups.length >= 2 && EXTENSION.test(last)) {
    const withExt = parse(groups.slice(0, -1).join(''), last);
    if (withExt.ok) return ok(withExt.value);
  }
  return fail('PHONE_INVALID', whole.message);
}
