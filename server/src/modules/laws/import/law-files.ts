/**
 * The files an import names: a file, or a folder walked recursively in name order. The national
 * collection is Markdown; plain-text exports (.txt) are read too, in UTF-8 or GBK/GB18030 (the
 * encoding sniffing of aggregation: content decides, not the extension).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { chunkDecoder, detectEncoding } from '../../aggregation/readers/detect.ts';
import { SourceError } from '../../aggregation/readers/source.types.ts';
import { lawErrors } from '../laws.errors.ts';
import { NUMERAL_CHARS, parseChineseNumber } from '../numerals.ts';

const TEXT = /\.(md|txt)$/i;
/** Not laws: the collection's README and its format template. */
const SKIP = /^(readme|license|changelog)\.|模版|模板/i;

const COLLATOR = new Intl.Collator('zh', { numeric: true });
const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'gu');
/** 第二编 before 第十编: numbers in names, Chinese or not, sort as numbers (a split code's files). */
const sortKey = (name: string): string => name.replace(NUMERAL_RUN, (m) => String(parseChineseNumber(m) ?? m));

/** Every law file under `given`, as paths beginning with `given` (what the import reports back). */
export async function lawFilesOf(given: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(given);
  } catch {
    throw lawErrors.LAW_FILE_NOT_FOUND(`找不到文件或目录：${given}`, [{ field: 'file', message: given }]);
  }
  if (stat.isFile()) return [given];
  const out: string[] = [];
  const entries = (await fs.readdir(given, { withFileTypes: true })).sort((a, b) => COLLATOR.compare(sortKey(a.name), sortKey(b.name)));
  for (const e of entries) {
    const p = path.join(given, e.name);
    if (e.isDirectory()) out.push(...(await lawFilesOf(p)));
    else if (e.isFile() && TEXT.test(e.name) && !SKIP.test(e.name)) out.push(p);
  }
  return out;
}

/** The text of a law file, decoded; a binary or undecodable file is refused with its name. */
export function decodeLawFile(file: string, bytes: Buffer): string {
  try {
    const dec = chunkDecoder(detectEncoding(bytes.subarray(0, 64 * 1024)), true);
    return (dec.write(bytes) + dec.end()).replace(/^\uFEFF/, '');
  } catch (err) {
    const why = err instanceof SourceError ? err.message : '文件编码无法识别（应为 UTF-8 或 GBK）';
    throw lawErrors.LAW_FILE_UNREADABLE(`${file}：${why}`, [{ field: 'file', message: file }]);
  }
}
