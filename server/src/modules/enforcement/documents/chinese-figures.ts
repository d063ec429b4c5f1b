/**
 * Amounts and dates as a 司法局 writes them in a 文书: figures with the capitals in brackets
 * (人民币伍仟元整, the 中文大写 of 支付结算办法 附一), dates as 2024年9月29日.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [number, string][] = [[1000, '仟'], [100, '佰'], [10, '拾'], [1, '']];
const SECTIONS = ['', '万', '亿'];
/** 9999亿9999万9999元: no fine or confiscation comes near it. */
const MAX_FEN = 1_000_000_000_000 * 100 - 1;

/** 1…9999 without a leading 零; a run of inner zeros is one 零 (1005 壹仟零伍). */
function fourDigits(group: number): string {
  let out = '';
  let zero = false;
  for (const [place, unit] of PLACES) {
    const digit = Math.floor(group / place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    out += (zero ? '零' : '') + DIGITS[digit] + unit;
    zero = false;
  }
  return out;
}

/** Whole yuan: sections of four digits, 零 where a section or its leading places are empty. */
function wholeYuan(yuan: number): string {
  if (yuan === 0) return '零';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      zero = out !== '';
      continue;
    }
    if (out !== '' && (zero || group < 1000)) out += '零';
    out += fourDigits(group) + SECTIONS[i];
    zero = false;
  }
  return out;
}

function toFen(amount: number): number {
  const fen = Math.round(amount * 100);
  if (!Number.isFinite(amount) || fen < 0 || fen > MAX_FEN) throw new RangeError(`金额 ${amount} 超出可书写范围`);
  return fen;
}

/**
 * 人民币伍仟元整, 人民币壹拾万零伍佰元整, 人民币壹仟元零伍分, 人民币伍角. 整 closes an amount that
 * ends at 元 and is not written after 分 (支付结算办法); 壹拾 keeps its 壹 so nothing can be added
 * in front of it.
 */
export function amountInCapitals(amount: number): string {
  const fen = toFen(amount);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `人民币${wholeYuan(yuan)}元整`;
  let out = yuan > 0 ? `${wholeYuan(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return `人民币${out}`;
}

/** 5,000 or 5,000.50 (元 follows in the sentence). */
export function amountInFigures(amount: number): string {
  const fen = toFen(amount);
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return fen % 100 === 0 ? yuan : `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** 罚款人民币5,000元（大写：人民币伍仟元整） — figures and capitals, as a fine is written. */
export function amountText(amount: number): string {
  return `人民币${amountInFigures(amount)}元（大写：${amountInCapitals(amount)}）`;
}

/** '2024-09-29' → 2024年9月29日. */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`日期 ${date} 不是 YYYY-MM-DD`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
