import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, httpErrors } from '../../platform/http/errors.ts';
import { listOf as z_list, pageOffset } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { LAW_STATUS_LABELS, type LawStatus } from './law-status.ts';
import { P } from './laws.permissions.ts';
import * as s from './laws.schema.ts';
import type { LawService } from './laws.service.ts';
import type { LawSearch } from './search/search.service.ts';

const tags = ['法规库'];
const UPLOAD_LIMIT = 20 * 1024 * 1024;

type VersionRow = Awaited<ReturnType<LawService['list']>>['items'][number];
type ElementRow = Awaited<ReturnType<LawService['get']>>['elements'][number];

const levelLabel = (l: string | null) => (l ? (s.LAW_LEVEL_LABELS[l as keyof typeof s.LAW_LEVEL_LABELS] ?? l) : '未识别');

export function versionView(v: VersionRow) {
  return {
    id: v.id,
    shortTitle: v.short_title,
    title: v.title,
    level: v.level,
    levelLabel: levelLabel(v.level),
    issuer: v.issuer,
    versionDate: v.version_date,
    effectiveDate: v.effective_date,
    supersededOn: v.superseded_on,
    repealedOn: v.repealed_on,
    previousId: v.previous_id,
    status: v.status,
    statusLabel: LAW_STATUS_LABELS[v.status],
    articles: v.articles,
    chapters: v.chapters,
    sections: v.sections,
    parts: v.parts,
    warningCount: v.warning_count,
    importedAt: v.imported_at.toISOString(),
  };
}

const elementView = (e: ElementRow) => ({ id: e.id, parentId: e.parent_id, kind: e.kind, number: e.number, sub: e.sub, label: e.label, heading: e.heading, text: e.text, line: e.line });

/** Ids contain '/', so they travel as ?id=… rather than in the path. */
export function lawRoutes(d: { laws: LawService; search: LawSearch }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // A law file is sent as it is (UTF-8 or GBK): decoding is the importer's job.
    app.addContentTypeParser(['text/markdown', 'text/plain', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

    r.get('/api/v1/laws', {
      config: { permission: P['laws:read'] },
      schema: { tags, summary: '法规版本列表（按标题、层级、时效性筛选）', querystring: s.listQuery, response: { 200: z_list(s.versionView) } },
      handler: async (req) => {
        const { page, pageSize, ...f } = req.query;
        const { items, total } = await d.laws.list(f, pageOffset({ page, pageSize }));
        return { items: items.map(versionView), total };
      },
    });

    r.get('/api/v1/laws/levels', {
      config: { permission: P['laws:read'] },
      schema: { tags, summary: '各层级法规版本数', response: { 200: s.levelsView } },
      handler: async () => ({ items: (await d.laws.levels()).map((l) => ({ level: l.level, label: levelLabel(l.level), count: l.n })) }),
    });

    r.get('/api/v1/laws/version', {
      config: { permission: P['laws:read'] },
      schema: { tags, summary: '法规版本：沿革、文件、警告、其他版本与全文结构', querystring: s.idQuery, response: { 200: s.versionDetail } },
      handler: async (req) => {
        const g = await d.laws.get(req.query.id);
        return {
          version: versionView(g.version),
          history: g.version.history,
          // The file's name only: the server's directories are nobody's business.
          warnings: g.version.warnings.map((w) => ({ ...w, file: path.basename(w.file) })),
          files: g.files.map((f) => ({ piece: f.piece, file: path.basename(f.file), sha256: f.sha256, articles: f.articles, importedAt: f.imported_at.toISOString() })),
          versions: g.versions.map((v) => ({ id: v.id, versionDate: v.version_date, effectiveDate: v.effective_date, status: v.status, statusLabel: LAW_STATUS_LABELS[v.status as LawStatus] })),
          elements: g.elements.map(elementView),
        };
      },
    });

    r.get('/api/v1/laws/element', {
      config: { permission: P['laws:read'] },
      schema: { tags, summary: '条文：款项、所引条文（含未能解析的原因）与被引用情况', querystring: s.idQuery, response: { 200: s.elementDetail } },
      handler: async (req) => {
        const e = await d.laws.element(req.query.id);
        const [self, ...children] = e.elements;
        return {
          version: versionView(e.version),
          element: elementView(self as ElementRow),
          children: children.map(elementView),
          citations: e.citations.map((c) => ({ fromId: c.from_id, start: c.start_at, end: c.end_at, raw: c.raw, toId: c.to_id, toLawId: c.to_law_id, toTitle: c.to_title, toLabel: c.to_label, reason: c.reason, message: c.message })),
          citedBy: e.citedBy.map((c) => ({ fromId: c.from_id, fromLawId: c.from_law_id, fromTitle: c.from_title, fromLabel: c.from_label, fromText: c.from_text, raw: c.raw, toId: c.to_id ?? '', toLabel: c.to_label, start: c.start_at, end: c.end_at })),
        };
      },
    });

    r.get('/api/v1/laws/search', {
      config: { permission: P['laws:read'] },
      schema: { tags, summary: '全文检索（标题与条文；一两个字的词也能检索；高亮）', querystring: s.searchQuery, response: { 200: s.searchView } },
      handler: async (req) => {
        const { page, pageSize, level, status, ...rest } = req.query;
        const { limit, offset } = pageOffset({ page, pageSize });
        const res = await d.search.search({ ...rest, ...(level ? { levels: level } : {}), ...(status ? { statuses: status } : {}), limit, offset });
        return { items: res.hits, total: res.total, totalIsEstimate: res.totalIsEstimate };
      },
    });

    r.post('/api/v1/laws/import', {
      config: { permission: P['laws:import'] },
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入一个法规文件（Markdown 或纯文本，UTF-8 或 GBK）', consumes: ['text/markdown', 'text/plain', 'application/octet-stream'], querystring: s.importQuery, response: { 200: z_list(s.importedView) } },
      handler: async (req) => {
        if (!Buffer.isBuffer(req.body)) throw httpErrors.UNSUPPORTED_MEDIA_TYPE('请以 text/markdown、text/plain 或 application/octet-stream 上传法规文件原文');
        // The file name carries the version date and the folder the level: both are kept.
        const name = path.basename(req.query.filename);
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tianping-law-'));
        const folder = path.join(dir, path.basename(req.query.folder ?? ''));
        try {
          await fs.mkdir(folder, { recursive: true });
          await fs.writeFile(path.join(folder, name), req.body);
          const out = await d.laws.importPaths({ actor: actorOf(req), meta: requestMeta(req) }, [folder]);
          const items = out.map((f) => ({ ...f, file: name }));
          return { items, total: items.length };
        } catch (err) {
          throw err instanceof AppError ? withoutServerPath(err, dir) : err;
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      },
    });
  };
}

/** The error as the uploader should see it: files named as uploaded, not by the server's temporary folder. */
function withoutServerPath(err: AppError, dir: string): AppError {
  const strip = (text: string) => text.split(`${dir}${path.sep}`).join('');
  return new AppError(err.code, { status: err.status, message: err.message }, strip(err.message), err.details?.map((x) => ({ ...x, message: strip(x.message) })));
}
