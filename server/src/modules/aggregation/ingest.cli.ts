import fs from 'node:fs';
import path from 'node:path';
import type { AggregationModule } from './index.ts';
import type { LiveProgress } from './batch-view.ts';
import type { IngestMode } from './aggregation.tables.ts';
import { writeErrorReportCsv } from './readers/error-report.ts';

export interface IngestArgs {
  library: string;
  file: string;
  source: string;
  mode: IngestMode;
  json: boolean;
}

const fmt = (n: number) => n.toLocaleString('zh-CN');

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds between progress lines when stderr is not a terminal (a log file): TIANPING_PROGRESS_MS, default 5000. */
const LOG_INTERVAL_MS = Number(process.env.TIANPING_PROGRESS_MS) || 5000;

/** A one-line progress bar on stderr (redrawn on a terminal, a line every few seconds in a log). */
function progressPrinter() {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(p: LiveProgress) {
      const now = Date.now();
      if (now - last < (tty ? 200 : LOG_INTERVAL_MS)) return;
      last = now;
      const ratio = p.fileSize ? Math.min(p.bytesRead() / p.fileSize, 1) : 0;
      const seconds = (now - p.startedAt) / 1000;
      const rate = seconds > 0 ? (p.counts.read - p.startCounts.read) / seconds : 0;
      const eta = ratio > 0 ? (seconds / ratio) * (1 - ratio) : 0;
      const bar = '█'.repeat(Math.round(ratio * 24)).padEnd(24, '░');
      const line = `[${bar}] ${(ratio * 100).toFixed(0).padStart(3)}%  已读 ${fmt(p.counts.read)}  通过 ${fmt(p.counts.accepted)}  拒收 ${fmt(p.counts.rejected)}  ${fmt(Math.round(rate))} 行/秒  剩余 ${clock(eta)}`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (tty && last > 0) process.stderr.write('\n');
    },
  };
}

/** Where the CSV error report goes: beside the input file, or the working directory when that is read-only. */
function reportPath(file: string, batchId: string): string {
  const name = `${path.basename(file).replace(/\.[^.]*$/, '')}.errors-${batchId.slice(0, 8)}.csv`;
  const dir = path.dirname(path.resolve(file));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return path.join(dir, name);
  } catch {
    return path.resolve(name);
  }
}

/**
 * `tianping ingest <library> <file>`: runs the job, writes the CSV error report (the original row
 * plus 错误原因) and prints the outcome. Returns the exit code: 0 when the job ran (even with
 * rejected rows), 1 when the source could not be read to the end.
 */
export async function runIngestCommand(aggregation: AggregationModule, args: IngestArgs): Promise<number> {
  if (!fs.existsSync(args.file) || !fs.statSync(args.file).isFile()) {
    console.error(`错误：文件不存在：${args.file}`);
    return 1;
  }
  const bar = progressPrinter();
  const summary = await aggregation.batches.ingestFile({ system: 'cli' }, null, {
    libraryId: args.library, sourceCode: args.source, mode: args.mode, filePath: args.file, fileName: path.basename(args.file), onProgress: (p) => bar.update(p),
  });
  bar.done();
  const batch = await aggregation.batches.get(null, summary.batchId);
  const errorReport = reportPath(args.file, summary.batchId);
  await writeErrorReportCsv(aggregation.batches.errorRows(null, summary.batchId), fs.createWriteStream(errorReport));
  if (args.json) {
    console.log(JSON.stringify({ ...summary, errorReport }));
  } else {
    const verdict = { completed: '完成', rejected: '整批拒收（未入库）', failed: '中止', running: '未结束' }[batch.status];
    console.log(`归集${verdict}：批次 ${summary.batchId}`);
    console.log(`  已读 ${fmt(batch.read)}  入库 ${fmt(batch.accepted)}（新增 ${fmt(batch.inserted)}，更新 ${fmt(batch.updated)}，未变 ${fmt(batch.unchanged)}，清洗 ${fmt(batch.cleansed)}）  拒收 ${fmt(batch.rejected)}`);
    if (batch.unmappedHeaders.length > 0) console.log(`  未识别的列（已忽略）：${batch.unmappedHeaders.join('、')}`);
    console.log(`  错误报告：${errorReport}`);
  }
  if (batch.status === 'failed') {
    console.error(`错误 ${batch.errorCode ?? ''}：${batch.errorMessage ?? '文件未能读完'}`);
    return 1;
  }
  return 0;
}
