import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { SAMPLE_LAWS_DIR } from '../../../../test/samples.ts';
import type { LawTables } from '../laws.tables.ts';

// The import path on a real database: files and folders → versions, elements, search rows,
// citations and version links; idempotent re-import; cross-law citations resolved to the version
// the citing text was written against.

let tp: TestApp;
let dir: string;
const CLI = { system: 'test' } as const;
const db = () => tp.database.db.withTables<LawTables>();

function write(rel: string, text: string | Buffer): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const law = (title: string, history: string[], body: string[]) => [`# ${title}`, '', ...history.flatMap((h) => [h, '']), '<!-- INFO END -->', '', ...body.flatMap((b) => [b, ''])].join('\n');

async function citationsFrom(fromPrefix: string) {
  return db().selectFrom('law_citations').select(['from_id', 'raw', 'to_id', 'to_law_id', 'reason']).where('from_id', 'like', `${fromPrefix}%`).orderBy('from_id').orderBy('start_at').execute();
}

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-laws-'));
});
afterAll(async () => {
  await tp.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!SAMPLE_LAWS_DIR)('the sample collection', () => {
  it('imports every file once, with the counts of the parser and levels from title or folder', async () => {
    const out = await tp.laws.importPaths(CLI, [SAMPLE_LAWS_DIR as string]);
    expect(out).toHaveLength(13);
    expect(out.every((f) => f.file.startsWith(SAMPLE_LAWS_DIR as string) && !f.unchanged)).toBe(true);
    const v = await db().selectFrom('law_versions').selectAll().orderBy('id').execute();
    expect(v).toHaveLength(13);
    const byId = new Map(v.map((x) => [x.id, x]));
    expect(byId.get('行政处罚法/2021-01-22')).toMatchObject({ title: '中华人民共和国行政处罚法', level: 'law', articles: 86, chapters: 8, sections: 4, issuer: '全国人民代表大会', effective_date: '2021-07-15' });
    expect(byId.get('律师法/2017-09-01')?.issuer).toBe('全国人民代表大会常务委员会');
    expect(byId.get('行政复议法/2023-09-01')?.articles).toBe(90);
    expect(byId.get('法规规章备案审查条例/2024-08-30')).toMatchObject({ level: 'administrative-regulation', issuer: '国务院' });
    expect(byId.get('浙江省司法鉴定管理条例/2009-06-03')).toMatchObject({ level: 'local-regulation', issuer: '浙江省人民代表大会常务委员会', effective_date: '2009-10-01' });
    // Stored rows agree with the report: one search row per article plus one per title.
    const articles = await db().selectFrom('law_elements').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'article').executeTakeFirstOrThrow();
    const search = await db().selectFrom('law_search').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(articles.n).toBe(out.reduce((n, f) => n + f.articles, 0));
    expect(search.n).toBe(articles.n + 13);
    // The one real defect of the sample (监狱法, a section heading that lost its number) is kept as a warning with its file.
    const prison = byId.get('监狱法/2012-10-26');
    expect(prison?.warnings.map((w) => [path.basename(w.file), w.line])).toContainEqual(['监狱法(2012-10-26).md', 269]);
  });

  it('resolves citations inside a law and lists what cites an article', async () => {
    const el = await tp.laws.element('行政处罚法/2021-01-22/art51');
    expect(el.citedBy.length).toBeGreaterThan(0);
    expect(el.citedBy.every((c) => c.from_law_id === '行政处罚法/2021-01-22')).toBe(true);
    const unresolved = await db().selectFrom('law_citations').select(['reason']).where('to_id', 'is', null).execute();
    const resolved = await db().selectFrom('law_citations').select(sql<number>`count(*)::int`.as('n')).where('to_id', 'is not', null).executeTakeFirstOrThrow();
    expect(resolved.n).toBeGreaterThan(100);
    // What stays unresolved names laws the sample does not hold, never a guess.
    expect(new Set(unresolved.map((u) => u.reason))).toEqual(new Set(['LAW_UNKNOWN']));
  });

  it('imports the same folder again without rewriting anything', async () => {
    const before = await db().selectFrom('law_elements').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'law.import'`.execute(tp.database.db);
    const out = await tp.laws.importPaths(CLI, [SAMPLE_LAWS_DIR as string]);
    expect(out.every((f) => f.unchanged)).toBe(true);
    const after = await db().selectFrom('law_elements').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const audits2 = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'law.import'`.execute(tp.database.db);
    expect(after.n).toBe(before.n);
    expect(audits2.rows[0]?.n).toBe(audits.rows[0]?.n);
  });
});

describe('versions, status and cross-law citations', () => {
  const a2010 = law('中华人民共和国甲法', ['2010年1月1日 第十一届全国人民代表大会常务委员会第十二次会议通过', '2010年3月1日 施行'], ['第一条 总则。', '第二条 本法所称甲，是指甲。', '对违反本法的，处一千元以下罚款。']);
  const a2020 = law('中华人民共和国甲法', ['2010年1月1日 第十一届全国人民代表大会常务委员会第十二次会议通过', '2020年6月1日 第十三届全国人民代表大会常务委员会第十九次会议修订', '2021年1月1日 施行'], ['第一条 总则。', '第二条 新的定义。', '第三条 罚则。']);
  const b = (year: number) =>
    law(`乙条例`, [`${year}年5月1日 公布`], ['第一条 依照《中华人民共和国甲法》第二条第二款的规定，制定本条例。', '第二条 依照《中华人民共和国丙法》第三条处理。', '第三条 违反本条例第一条的，依照前条处理。']);

  it('resolves a citation to the version in force when the citing text was made, and again when that version arrives later', async () => {
    write('行政法规/乙条例(2015-05-01).md', b(2015));
    write('行政法规/乙条例(2025-05-01).md', b(2025));
    await tp.laws.importPaths(CLI, [path.join(dir, '行政法规')]);
    // 甲法 is not in the library yet: reported, not guessed.
    expect((await citationsFrom('乙条例/2015-05-01/art1'))[0]).toMatchObject({ to_id: null, reason: 'LAW_UNKNOWN' });

    write('法律/甲法(2020-06-01).md', a2020);
    await tp.laws.importPaths(CLI, [path.join(dir, '法律', '甲法(2020-06-01).md')]);
    // The 2025 text cites the 2020 version; the 2015 text cannot (only a later version is held).
    expect((await citationsFrom('乙条例/2025-05-01/art1'))[0]).toMatchObject({ to_id: null, to_law_id: '甲法/2020-06-01', reason: 'ELEMENT_MISSING' });
    expect((await citationsFrom('乙条例/2015-05-01/art1'))[0]).toMatchObject({ to_id: null, reason: 'LAW_UNKNOWN' });
    const [later] = await db().selectFrom('law_citations').select('message').where('from_id', 'like', '乙条例/2015-05-01/art1%').execute();
    expect(later?.message).toContain('之后的版本');

    write('法律/甲法(2010-01-01).md', a2010);
    await tp.laws.importPaths(CLI, [path.join(dir, '法律', '甲法(2010-01-01).md')]);
    expect((await citationsFrom('乙条例/2015-05-01/art1'))[0]).toMatchObject({ to_id: '甲法/2010-01-01/art2/p2', reason: null });
    expect((await citationsFrom('乙条例/2025-05-01/art1'))[0]).toMatchObject({ to_law_id: '甲法/2020-06-01', reason: 'ELEMENT_MISSING' });
    // Within the text: 本条例第一条 and 前条 resolve to its own articles.
    expect((await citationsFrom('乙条例/2015-05-01/art3')).map((c) => c.to_id)).toEqual(['乙条例/2015-05-01/art1', '乙条例/2015-05-01/art2']);
    const cited = await tp.laws.element('甲法/2010-01-01/art2');
    expect(cited.citedBy.map((c) => [c.from_id, c.to_id])).toEqual([['乙条例/2015-05-01/art1/p1', '甲法/2010-01-01/art2/p2']]);
  });

  it('links the versions of a law and derives their status from the dates', async () => {
    const old = await tp.laws.get('甲法/2010-01-01');
    const cur = await tp.laws.get('甲法/2020-06-01');
    expect(cur.version.previous_id).toBe('甲法/2010-01-01');
    expect(old.version.superseded_on).toBe('2021-01-01');
    expect(old.version.status).toBe('amended');
    expect(cur.version.status).toBe('in-force');
    expect(cur.versions.map((v) => v.id)).toEqual(['甲法/2020-06-01', '甲法/2010-01-01']);
    expect(old.version.level).toBe('law');
  });

  it('reads a GBK plain-text file without the header block, titled by its first line', async () => {
    const text = ['丙办法', '（2018年2月1日司法部令第1号公布）', '第一条　为了测试，制定本办法。', '第二条　本办法自2018年4月1日起施行。'].join('\r\n');
    const file = write('部门规章/丙办法.txt', iconv.encode(text, 'gbk'));
    const [out] = await tp.laws.importPaths(CLI, [file]);
    expect(out).toMatchObject({ title: '丙办法', articles: 2, lawId: '丙办法/2018-02-01' });
    const v = await tp.laws.get('丙办法/2018-02-01');
    expect(v.version).toMatchObject({ effective_date: '2018-04-01', issuer: '司法部' });
  });

  it('stores a code split over files as one version, its pieces in article order', async () => {
    write('民法/丁法典/第一编.md', law('中华人民共和国丁法典', ['2020年5月28日 第十三届全国人民代表大会第三次会议通过'], ['## 第一编 总则', '第一条 总则。', '第二条 另见第四条。']).replace('# 中华人民共和国丁法典', '# 中华人民共和国丁法典\n# 总则编'));
    write('民法/丁法典/第二编.md', law('中华人民共和国丁法典', ['2020年5月28日 第十三届全国人民代表大会第三次会议通过'], ['## 第二编 物权', '第三条 物权。', '第四条 依照本法第一条。']).replace('# 中华人民共和国丁法典', '# 中华人民共和国丁法典\n# 物权编'));
    const out = await tp.laws.importPaths(CLI, [path.join(dir, '民法')]);
    expect(out.map((f) => [f.piece, f.articles])).toEqual([['总则编', 2], ['物权编', 2]]);
    const v = await tp.laws.get('丁法典/2020-05-28');
    expect(v.version.articles).toBe(4);
    expect(v.elements.filter((e) => e.kind === 'article').map((e) => e.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    // Citations across pieces resolve: the piece written first cites an article of the second.
    const [c] = await citationsFrom('丁法典/2020-05-28/art4');
    expect(c?.to_id).toBe('丁法典/2020-05-28/art1');
  });

  it('replaces what a corrected file held', async () => {
    const p = write('行政法规/戊条例(2019-01-01).md', law('戊条例', [], ['第一条 一。', '第二条 二。', '第三条 三。']));
    await tp.laws.importPaths(CLI, [p]);
    write('行政法规/戊条例(2019-01-01).md', law('戊条例', [], ['第一条 一。', '第二条 罚款。']));
    const [out] = await tp.laws.importPaths(CLI, [p]);
    expect(out?.unchanged).toBe(false);
    const ids = await db().selectFrom('law_elements').select('id').where('law_id', '=', '戊条例/2019-01-01').where('kind', '=', 'article').execute();
    expect(ids.map((r) => r.id)).toEqual(['戊条例/2019-01-01/art1', '戊条例/2019-01-01/art2']);
    const search = await db().selectFrom('law_search').select('element_id').where('law_id', '=', '戊条例/2019-01-01').orderBy('element_id').execute();
    expect(search.map((r) => r.element_id)).toEqual(['戊条例/2019-01-01', '戊条例/2019-01-01/art1', '戊条例/2019-01-01/art2']);
  });

  it('keeps the files stored before one that fails, and no row of the failing one', async () => {
    // Stored in one batch: a whole text, then two pieces of a code that both hold 第一条, so the
    // second piece's elements collide with the first's.
    write('失败/1 庚条例(2019-01-01).md', law('庚条例', [], ['第一条 一。']));
    const piece = (sub: string) => law('中华人民共和国己法典', ['2020年5月28日 第十三届全国人民代表大会第三次会议通过'], ['第一条 一。']).replace('# 中华人民共和国己法典', `# 中华人民共和国己法典\n# ${sub}`);
    write('失败/2 己法典/第一编.md', piece('总则编'));
    write('失败/2 己法典/第二编.md', piece('物权编'));
    write('失败/3 辛条例(2019-01-01).md', law('辛条例', [], ['第一条 一。']));
    await expect(tp.laws.importPaths(CLI, [path.join(dir, '失败')])).rejects.toThrow();
    const files = await db().selectFrom('law_files').select(['law_id', 'piece']).where('law_id', 'in', ['庚条例/2019-01-01', '己法典/2020-05-28', '辛条例/2019-01-01']).orderBy('law_id').execute();
    expect(files).toEqual([{ law_id: '己法典/2020-05-28', piece: '总则编' }, { law_id: '庚条例/2019-01-01', piece: '' }]);
    const pieces = await db().selectFrom('law_elements').select('piece').distinct().where('law_id', '=', '己法典/2020-05-28').execute();
    expect(pieces.map((r) => r.piece)).toEqual(['总则编']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'law.import' and target_id in ('庚条例/2019-01-01', '己法典/2020-05-28', '辛条例/2019-01-01')`.execute(tp.database.db);
    expect(rows[0]?.n).toBe(2);
  });

  it('stores the files read before an unreadable one', async () => {
    write('坏了/1 壬条例(2019-01-01).md', law('壬条例', [], ['第一条 一。']));
    write('坏了/2 二进制.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]));
    await expect(tp.laws.importPaths(CLI, [path.join(dir, '坏了')])).rejects.toMatchObject({ code: 'LAW_FILE_UNREADABLE' });
    const v = await db().selectFrom('law_files').select('law_id').where('law_id', '=', '壬条例/2019-01-01').execute();
    expect(v).toHaveLength(1);
  });

  it('refuses a path that does not exist, and a binary file, naming them', async () => {
    await expect(tp.laws.importPaths(CLI, [path.join(dir, 'missing')])).rejects.toMatchObject({ code: 'LAW_FILE_NOT_FOUND' });
    const bin = write('坏/二进制.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]));
    await expect(tp.laws.importPaths(CLI, [bin])).rejects.toMatchObject({ code: 'LAW_FILE_UNREADABLE' });
  });
});
