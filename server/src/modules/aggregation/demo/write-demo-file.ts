/**
 * Demo import files: CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8", or GBK, as older Excel and
 * WPS save "CSV") and XLSX. Both stream, so memory stays flat however many rows are asked for.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { STANDARD_LIBRARIES } from '../../standards/index.ts';
import { demoHeaders, demoValues, type DemoOptions } from './generator.ts';

export interface DemoFileOptions extends DemoOptions {
  encoding?: 'utf8' | 'gbk';
}
export interface DemoFileResult {
  rows: number;
  dirty: number;
}

/** RFC 4180: quote a field containing a quote, comma or line break; double the quotes inside. */
const NEEDS_QUOTES = /[",\r\n]/;
function csvField(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Lines are joined into ~64 KB chunks before encoding: one write per row would spend more time in
 * stream bookkeeping than in generating the row. Awaiting 'drain' keeps memory bounded when the
 * disk is slower than the generator.
 */
const CHUNK_CHARS = 24 * 1024; // CJK-heavy text is ~3 bytes a character in UTF-8

export async function writeDemoCsv(libraryId: string, count: number, filePath: string, opts: DemoFileOptions = {}): Promise<DemoFileResult> {
  const encoding = opts.encoding ?? 'utf8';
  const encode = encoding === 'gbk' ? (s: string): Buffer => iconv.encode(s, 'gbk') : (s: string): Buffer => Buffer.from(s, 'utf8');
  const headers = demoHeaders(libraryId); // validates libraryId before the file is created
  const out = fs.createWriteStream(filePath, { highWaterMark: 1 << 20 }); // a few chunks in flight, not one
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // observed below; avoids an unhandled rejection if we finish first
  let dirty = 0;
  try {
    const lines: string[] = [(encoding === 'utf8' ? '\uFEFF' : '') + headers.map(csvField).join(',')];
    let chars = 0;
    for (let i = 0; i < count; i++) {
      const row = demoValues(libraryId, i, opts);
      if (row.dirty) dirty++;
      const line = row.values.map(csvField).join(',');
      lines.push(line);
      chars += line.length + 2;
      if (chars >= CHUNK_CHARS) {
        lines.push(''); // trailing CRLF
        if (!out.write(encode(lines.join('\r\n')))) await Promise.race([once(out, 'drain'), failed]);
        lines.length = 0;
        chars = 0;
      }
    }
    if (lines.length > 0) {
      lines.push('');
      out.write(encode(lines.join('\r\n')));
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { rows: count, dirty };
}

/** Excel limits sheet names to 31 characters and forbids : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** One sheet named after the library (律师, 法律援助案件 …), header row first; every cell is text as typed. */
export async function writeDemoXlsx(libraryId: string, count: number, filePath: string, opts: DemoOptions = {}): Promise<DemoFileResult> {
  const library = STANDARD_LIBRARIES.find((l) => l.id === libraryId);
  if (!library) throw new Error(`demo: unknown standard library "${libraryId}"`);
  // Inline strings and no styles: shared strings would hold every distinct value in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName(library.name));
  sheet.addRow(demoHeaders(libraryId)).commit();
  let dirty = 0;
  for (let i = 0; i < count; i++) {
    const row = demoValues(libraryId, i, opts);
    if (row.dirty) dirty++;
    sheet.addRow(row.values).commit();
    // Let the zip stream flush now and then; committing alone never yields to the event loop.
    if (i % 10_000 === 9_999) await nextTurn();
  }
  sheet.commit();
  await workbook.commit();
  return { rows: count, dirty };
}
