import type { Command } from 'commander';
import type { CliKit } from '../../cli-kit.ts';
import { LAW_STATUS_LABELS } from './law-status.ts';
import type { ImportedFile } from './import/import-laws.ts';
import { citationLabelOf } from './law-ids.ts';

const CLI = { system: 'cli' } as const;

/** Marks matches in a snippet: 【…】 in JSON and logs, reverse video on a terminal. */
function highlight(snippet: string, marks: readonly [number, number][], tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    out += snippet.slice(at, a) + (tty ? `\x1b[7m${snippet.slice(a, b)}\x1b[0m` : `【${snippet.slice(a, b)}】`);
    at = b;
  }
  return out + snippet.slice(at);
}

function importLine(f: ImportedFile): string {
  const counts = [`${f.articles} 条`, f.chapters ? `${f.chapters} 章` : '', f.sections ? `${f.sections} 节` : '', f.parts ? `${f.parts} 编` : ''].filter(Boolean).join(' ');
  const lines = [`${f.unchanged ? '未变' : '已导入'}  ${f.title}${f.piece ? `·${f.piece}` : ''}  ${counts}  ${f.lawId}${f.warnings.length ? `  警告 ${f.warnings.length}` : ''}`];
  for (const w of f.warnings) lines.push(`    ${f.file}:${w.line}  ${w.code}  ${w.message}`);
  return lines.join('\n');
}

/** `tianping laws import|search|show`: the interface issue 7 fixes. */
export function registerLawCommands(program: Command, kit: CliKit): void {
  const laws = program.command('laws').description('法规库：导入、检索、查看法规与条文');
  const db = (cmd: Command) => kit.dbOptions(cmd).option('--json', '以 JSON 输出');

  db(laws.command('import <paths...>').description('导入法规文件或目录（Markdown/纯文本，UTF-8 或 GBK；目录名可指明层级）')).action(async (paths: string[], opts: { json?: boolean }) => {
    const tty = process.stderr.isTTY === true && !opts.json;
    const out = await kit.withTianping(opts, (tp) =>
      tp.laws.importPaths(CLI, paths, tty ? (done, total, file) => process.stderr.write(`\r[${done}/${total}] ${file}`.slice(0, 120).padEnd(120)) : undefined),
    );
    if (tty) process.stderr.write('\n');
    if (opts.json) {
      console.log(JSON.stringify(out.map(({ file, title, articles, chapters, sections, parts, warnings }) => ({ file, title, articles, chapters, sections, parts, warnings }))));
      return;
    }
    for (const f of out) console.log(importLine(f));
    const warned = out.filter((f) => f.warnings.length > 0).length;
    console.log(`共 ${out.length} 个文件，条文 ${out.reduce((n, f) => n + f.articles, 0)} 条；${warned} 个文件有警告`);
  });

  db(laws.command('search <query>').description('全文检索标题与条文（一两个字的词也可；空格分隔多个词）'))
    .option('--in-force-on <date>', '只查该日有效的版本（YYYY-MM-DD）')
    .option('--limit <n>', '条数（默认 20，至多 100）', '20')
    .action(async (query: string, opts: { json?: boolean; inForceOn?: string; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) kit.fail(`--limit 应为 1–100 的整数，收到 ${opts.limit}`);
      if (opts.inForceOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.inForceOn)) kit.fail(`--in-force-on 应为 YYYY-MM-DD，收到 ${opts.inForceOn}`);
      const res = await kit.withTianping(opts, (tp) => tp.laws.search.search({ q: query, limit, ...(opts.inForceOn ? { inForceOn: opts.inForceOn } : {}) }));
      if (opts.json) {
        console.log(JSON.stringify(res.hits.map((h) => ({ id: h.id, title: h.title, snippet: highlight(h.snippet, h.marks, false) }))));
        return;
      }
      const tty = process.stdout.isTTY === true;
      for (const h of res.hits) console.log(`${h.title}  [${LAW_STATUS_LABELS[h.status]}]  ${h.id}\n    ${highlight(h.snippet, h.marks, tty)}`);
      console.log(`共 ${res.total}${res.totalIsEstimate ? '+' : ''} 条结果${res.total > res.hits.length ? `，显示前 ${res.hits.length} 条` : ''}`);
    });

  db(laws.command('show <id>').description('查看法规版本（如 行政处罚法/2021-01-22）或条文（如 行政处罚法/2021-01-22/art51）')).action(async (id: string, opts: { json?: boolean }) => {
    const isLaw = id.split('/').length === 2;
    if (isLaw) {
      const g = await kit.withTianping(opts, (tp) => tp.laws.get(id));
      if (opts.json) {
        console.log(JSON.stringify(g));
        return;
      }
      const v = g.version;
      console.log(`${v.title}  ${v.id}\n层级 ${v.level ?? '未识别'}  制定机关 ${v.issuer || '—'}  版本 ${v.version_date ?? '—'}  施行 ${v.effective_date ?? '—'}  ${LAW_STATUS_LABELS[v.status]}`);
      console.log(`${v.articles} 条 ${v.chapters} 章 ${v.sections} 节 ${v.parts} 编；其他版本：${g.versions.filter((x) => x.id !== id).map((x) => x.id).join('、') || '无'}\n`);
      for (const e of g.elements) console.log(renderLine(e));
      return;
    }
    const e = await kit.withTianping(opts, (tp) => tp.laws.element(id));
    if (opts.json) {
      console.log(JSON.stringify(e));
      return;
    }
    console.log(`${e.version.title} ${citationLabelOf(id)}  [${LAW_STATUS_LABELS[e.version.status]}]  ${id}\n`);
    for (const el of e.elements) console.log(renderLine(el));
    if (e.citations.length) console.log('\n引用：');
    for (const c of e.citations) console.log(`  ${c.raw} → ${c.to_id ?? `未能解析（${c.reason}：${c.message}）`}`);
    if (e.citedBy.length) console.log('\n被引用：');
    for (const c of e.citedBy) console.log(`  ${c.from_title}${c.from_label}：${c.raw}  (${c.from_id})`);
  });
}

/** One element as it reads: headings on their own line, 款 and 项 with their markers. */
function renderLine(e: { kind: string; label: string; heading: string; text: string }): string {
  if (e.kind === 'paragraph') return `  ${e.text}`;
  if (e.kind === 'item' || e.kind === 'subitem') return `  ${e.label}${e.text}`;
  return [e.label, e.heading, e.text].filter(Boolean).join(' ');
}
