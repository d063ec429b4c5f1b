import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { makeCreditCode } from '../identity/index.ts';
import { idCheckDigit } from '../standards/index.ts';

/** A valid 公民身份号码 for tests: region, birth date, sequence (odd = 男) and its check digit. */
export function validId(region = '330106', birth = '19850312', seq = 123): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export const FIRM_CODE = makeCreditCode({ registry: '3', category: '1', regionCode: '330106', sequence: 4242 });

export const LAWYER_HEADERS = ['姓名', '性别', '公民身份号码', '执业证号', '执业机构', '执业机构统一社会信用代码', '执业类别', '首次执业日期', '执业状态', '联系电话'];

/** A valid lawyer row (header order above); `n` makes the licence number and ID distinct. */
export function lawyerRow(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const male = n % 2 === 1;
  const row: Record<string, string> = {
    姓名: `张${'伟芳娜敏静丽强磊军洋'[n % 10]}${'一二三四五六七八九十'[Math.floor(n / 10) % 10]}`,
    性别: male ? '男' : '女',
    公民身份号码: validId('330106', '19850312', male ? 101 + (n % 400) * 2 : 100 + (n % 400) * 2),
    执业证号: `1330120101${String(n).padStart(7, '0')}`,
    执业机构: '浙江天平律师事务所',
    执业机构统一社会信用代码: FIRM_CODE,
    执业类别: '专职',
    首次执业日期: '2015-07-01',
    执业状态: '正常',
    联系电话: `138${String(10000000 + n).slice(-8)}`,
    ...over,
  };
  return LAWYER_HEADERS.map((h) => row[h] ?? '');
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvText(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Writes a CSV in the given encoding to a fresh temp file and returns its path. */
export function writeCsv(name: string, headers: readonly string[], rows: readonly (readonly string[])[], encoding: 'utf8' | 'utf8-bom' | 'gbk' = 'utf8'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-agg-'));
  const file = path.join(dir, name);
  const text = csvText(headers, rows);
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from((encoding === 'utf8-bom' ? '\ufeff' : '') + text, 'utf8');
  fs.writeFileSync(file, bytes);
  return file;
}
