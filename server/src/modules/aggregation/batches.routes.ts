import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { listOf } from '../../platform/http/pagination.ts';
import { httpErrors } from '../../platform/http/errors.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { aggregationErrors as E } from './aggregation.errors.ts';
import { P } from './aggregation.permissions.ts';
import { batchListQuery, batchParams, batchView, pushBody, reportQuery, uploadQuery } from './aggregation.schema.ts';
import type { BatchService } from './batches.service.ts';
import { writeErrorReportCsv, writeErrorReportXlsx } from './readers/error-report.ts';

const tags = ['数据归集'];

/** An upload is streamed to disk, never held in memory; 2 GiB is ~20M rows of a registry. */
export const UPLOAD_LIMIT = 2 * 1024 ** 3;

/** Counts bytes and fails the stream past the limit, so an oversized upload stops early. */
function limit(max: number): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (n > max) done(httpErrors.BODY_TOO_LARGE(`上传文件超过 ${Math.round(max / 1024 ** 3)} GiB`));
      else done(null, chunk);
    },
  });
}

function attachment(name: string): string {
  // RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive every browser.
  return `attachment; filename="error-report${path.extname(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function batchRoutes(batches: BatchService, opts: { uploadDir: string; logger: Logger }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The file is streamed as it is (any encoding, CSV/XLSX/JSON): bytes in, detection is the reader's job.
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    r.get('/api/v1/aggregation/batches', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '归集批次列表', querystring: batchListQuery, response: { 200: listOf(batchView) } },
      handler: async (req) => {
        const { page, pageSize, library, ...filter } = req.query;
        return batches.list(actorOf(req), { ...filter, libraryId: library }, { page, pageSize });
      },
    });

    r.get('/api/v1/aggregation/batches/:id', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '归集批次详情与进度（已读、入库、拒收、速率、预计剩余时间）', params: batchParams, response: { 200: batchView } },
      handler: async (req) => batches.get(actorOf(req), req.params.id),
    });

    r.post('/api/v1/aggregation/batches', {
      config: { permission: P['aggregation:ingest'] },
      schema: {
        tags,
        summary: '上传文件归集（请求体为文件原始字节：CSV/XLSX/JSON/NDJSON，编码自动识别）；立即返回批次，后台执行',
        consumes: ['application/octet-stream'],
        querystring: uploadQuery,
        response: { 202: batchView },
      },
      handler: async (req, reply) => {
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as Readable).pipe !== 'function') throw httpErrors.UNSUPPORTED_MEDIA_TYPE('请以 application/octet-stream 上传文件原始内容');
        const actor = actorOf(req);
        const meta = requestMeta(req);
        const id = crypto.randomUUID();
        fs.mkdirSync(opts.uploadDir, { recursive: true });
        const file = path.join(opts.uploadDir, `${id}.upload`); // the name resumeInterrupted looks for
        try {
          await pipeline(body, limit(UPLOAD_LIMIT), fs.createWriteStream(file));
        } catch (err) {
          fs.rmSync(file, { force: true });
          throw err;
        }
        const { library, source, mode, fileName } = req.query;
        let started: (batchId: string) => void = () => undefined;
        const begun = new Promise<string>((resolve) => (started = resolve));
        const job = batches.ingestFile({ actor, meta }, actor, { libraryId: library, sourceCode: source, mode, filePath: file, fileName, batchId: id, onStarted: started });
        // The job runs on after the response; its outcome is the batch's status. The upload goes
        // once the batch has an end state; a batch stopped by a shutdown (or a crash) keeps it to resume.
        const done = job.then((summary) => {
          fs.rmSync(file, { force: true });
          return summary;
        });
        done.catch((err: unknown) => opts.logger.error({ err, batchId: id }, 'aggregation job stopped before its end'));
        let batchId: string;
        try {
          batchId = await Promise.race([begun, done.then((s) => s.batchId)]);
        } catch (err) {
          fs.rmSync(file, { force: true }); // refused before it started (unknown library, empty file…)
          throw err;
        }
        return reply.code(202).send(await batches.get(actor, batchId));
      },
    });

    r.get('/api/v1/aggregation/batches/:id/error-report', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '下载错误报告（原始行 + 错误原因列；CSV 或 XLSX）', params: batchParams, querystring: reportQuery },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const batch = await batches.get(actor, req.params.id);
        if (batch.status === 'running') throw E.AGG_BATCH_RUNNING();
        const rows = batches.errorRows(actor, req.params.id);
        const out = new PassThrough();
        const write = req.query.format === 'xlsx' ? writeErrorReportXlsx : writeErrorReportCsv;
        write(rows, out).catch((err: unknown) => out.destroy(err as Error));
        const base = (batch.fileName ?? `${batch.libraryName}-${batch.externalId ?? batch.id}`).replace(/\.[^.]*$/, '');
        const contentType = req.query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
        return reply.header('content-type', contentType).header('content-disposition', attachment(`${base}-错误报告.${req.query.format}`)).send(out);
      },
    });

    r.post('/api/v1/aggregation/push', {
      config: { permission: P['aggregation:push'] },
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags, summary: '来源系统推送记录（同一批次号重试不会重复入库）', body: pushBody, response: { 200: batchView } },
      handler: async (req) => {
        const actor = actorOf(req);
        const { library, source, batchId, mode, records } = req.body;
        return batches.push({ actor, meta: requestMeta(req) }, actor, { libraryId: library, sourceCode: source, externalId: batchId, mode, records });
      },
    });
  };
}
