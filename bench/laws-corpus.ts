/**
 * A synthetic regulation library for bench/laws.ts, written as files in the sample's format
 * (../shared/data/laws-sample/README.md) so the real import reads it. Deterministic: the same
 * `texts` and `seed` give the same bytes. Texts are recombined from the sample's articles under new
 * titles (national laws, 行政法规, 部门规章, 司法解释, 地方性法规 of every province, 地方政府规章 of
 * cities), some with two or three versions, a few repealed or not yet in force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toChineseNumber } from '../server/src/modules/laws/numerals.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../shared/data/laws-sample');

/** mulberry32: small, fast, good enough to shuffle a benchmark corpus. */
export function rngOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Articles (their lines, the label removed from the first) and chapter names of every sample. */
function samplePool(): { articles: string[][]; chapters: string[] } {
  const articles: string[][] = [];
  const chapters = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\(\d{4}-\d{2}-\d{2}\)\.md$/.test(e.name)) readSample(fs.readFileSync(p, 'utf8'));
    }
  };
  const readSample = (text: string) => {
    const body = text.split('<!-- INFO END -->')[1] ?? '';
    let current: string[] | null = null;
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const heading = /^#+\s*第\S+章\s*(.+)$/u.exec(line);
      if (line.startsWith('#')) {
        if (heading) chapters.add(heading[1]!.trim());
        current = null;
        continue;
      }
      const art = /^第[一二三四五六七八九十百零〇千]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*(.*)$/u.exec(line);
      if (art) {
        current = [art[1]!];
        articles.push(current);
      } else if (current) {
        current.push(line);
      }
    }
  };
  walk(SAMPLES);
  return { articles: articles.filter((a) => a[0] !== ''), chapters: [...chapters] };
}

const TOPICS = [
  '司法鉴定管理', '法律援助', '人民调解', '律师执业管理', '公证管理', '社区矫正', '行政执法监督', '行政复议', '行政处罚程序',
  '行政许可实施', '行政强制执行', '监狱管理', '强制隔离戒毒', '安置帮教', '法治宣传教育', '行政规范性文件管理', '行政调解', '仲裁工作',
  '基层法律服务', '司法所建设', '法律职业资格管理', '律师事务所管理', '公证机构管理', '人民陪审员管理', '行政应诉', '政府法律顾问',
  '信访工作', '矛盾纠纷多元化解', '优化营商环境', '公共数据管理', '电子证照应用', '行政执法证件管理', '行政裁量权基准', '生态环境保护',
  '安全生产', '消防管理', '食品安全', '城市管理综合执法', '物业管理', '文物保护', '档案管理', '统计管理', '未成年人保护', '妇女权益保障',
  '老年人权益保障', '残疾人保障', '预防职务犯罪', '知识产权保护', '反不正当竞争', '消费者权益保护',
];
const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省',
  '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省',
  '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区',
];
const CITIES = [
  '杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市', '南京市', '苏州市', '无锡市', '合肥市',
  '福州市', '厦门市', '济南市', '青岛市', '郑州市', '武汉市', '长沙市', '广州市', '深圳市', '成都市', '西安市', '昆明市', '沈阳市', '大连市', '哈尔滨市',
];

type Level = 'law' | 'administrative-regulation' | 'department-rule' | 'judicial-interpretation' | 'local-regulation' | 'local-government-rule';

/** Share of texts per level, roughly that of the national collection plus a few provinces. */
const LEVELS: readonly [Level, number][] = [
  ['law', 0.05],
  ['administrative-regulation', 0.1],
  ['department-rule', 0.12],
  ['judicial-interpretation', 0.05],
  ['local-regulation', 0.48],
  ['local-government-rule', 0.2],
];

/** The n-th distinct title of a level, its folder, the word its articles use for itself, its maker. */
function titleOf(level: Level, n: number): { title: string; folder: string; self: string; maker: string } {
  const topic = TOPICS[n % TOPICS.length]!;
  const round = Math.floor(n / TOPICS.length);
  switch (level) {
    case 'law':
      return { title: `中华人民共和国${topic}${['法', '促进法', '保障法', '监督法'][round % 4]}${round >= 4 ? `（${toChineseNumber(round)}）` : ''}`, folder: '行政法', self: '本法', maker: '全国人民代表大会常务委员会' };
    case 'administrative-regulation':
      return { title: `${topic}${['条例', '实施条例', '暂行条例', '规定'][round % 4]}${round >= 4 ? `（${toChineseNumber(round)}）` : ''}`, folder: '行政法规', self: '本条例', maker: '国务院' };
    case 'department-rule':
      return { title: `${topic}${['办法', '规定', '实施细则', '工作规则'][round % 4]}${round >= 4 ? `（${toChineseNumber(round)}）` : ''}`, folder: '部门规章', self: '本办法', maker: '司法部' };
    case 'judicial-interpretation':
      return { title: `最高人民${round % 2 ? '检察院' : '法院'}关于办理${topic}案件适用法律若干问题的解释${round >= 2 ? `（${toChineseNumber(round)}）` : ''}`, folder: '司法解释', self: '本解释', maker: '最高人民法院审判委员会' };
    case 'local-regulation': {
      const province = PROVINCES[n % PROVINCES.length]!;
      const t = TOPICS[Math.floor(n / PROVINCES.length) % TOPICS.length]!;
      const r = Math.floor(n / (PROVINCES.length * TOPICS.length));
      return { title: `${province}${t}${['条例', '实施办法', '若干规定'][r % 3]}`, folder: `DLC/${province}地方法规/地方性法规/${province}`, self: '本条例', maker: `${province}人民代表大会常务委员会` };
    }
    case 'local-government-rule': {
      const city = CITIES[n % CITIES.length]!;
      const t = TOPICS[Math.floor(n / CITIES.length) % TOPICS.length]!;
      const r = Math.floor(n / (CITIES.length * TOPICS.length));
      return { title: `${city}${t}${['办法', '规定', '实施细则'][r % 3]}`, folder: `地方政府规章/${city}`, self: '本办法', maker: `${city}人民政府` };
    }
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const zh = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export interface CorpusStats {
  files: number;
  titles: number;
  articles: number;
  bytes: number;
}

/** Writes `texts` law files under `dir` and says what it wrote. */
export function writeLawCorpus(dir: string, texts: number, seed = 7): CorpusStats {
  const pool = samplePool();
  const rng = rngOf(seed);
  const used = new Map<Level, number>();
  const stats: CorpusStats = { files: 0, titles: 0, articles: 0, bytes: 0 };
  while (stats.files < texts) {
    let x = rng();
    const level = (LEVELS.find(([, share]) => (x -= share) < 0) ?? LEVELS[LEVELS.length - 1]!)[0];
    const n = used.get(level) ?? 0;
    used.set(level, n + 1);
    const t = titleOf(level, n);
    stats.titles++;
    // 75% one version, 20% two, 5% three; each revision 2–6 years after the one before.
    const y = rng();
    const versions = Math.min(texts - stats.files, y < 0.75 ? 1 : y < 0.95 ? 2 : 3);
    let date = new Date(Date.UTC(1995 + Math.floor(rng() * 20), Math.floor(rng() * 12), 1 + Math.floor(rng() * 28)));
    for (let v = 0; v < versions; v++) {
      const last = v === versions - 1;
      // The newest version of a few texts is not yet in force, and a few laws are repealed.
      const effective = last && rng() < 0.03 ? new Date(Date.UTC(2027, 0, 1)) : addDays(date, 30 + Math.floor(rng() * 150));
      const repealed = last && rng() < 0.03 ? addDays(effective, 2000) : null;
      const text = lawText(t, date, effective, repealed, v, pool, rng);
      const short = t.title.replace(/^中华人民共和国/, '');
      const file = path.join(dir, t.folder, `${short}(${iso(date)}).md`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text.body);
      stats.files++;
      stats.articles += text.articles;
      stats.bytes += Buffer.byteLength(text.body);
      date = addDays(date, 730 + Math.floor(rng() * 1460));
    }
  }
  return stats;
}

function lawText(
  t: ReturnType<typeof titleOf>,
  date: Date,
  effective: Date,
  repealed: Date | null,
  revision: number,
  pool: ReturnType<typeof samplePool>,
  rng: () => number,
): { body: string; articles: number } {
  const lines = [`# ${t.title}`, '', `${zh(date)} ${t.maker}${revision === 0 ? '通过' : '修订'}`, '', `${zh(effective)} 施行`, ''];
  if (repealed) lines.push(`${zh(repealed)} 废止`, '');
  lines.push('<!-- INFO END -->', '');
  const count = 20 + Math.floor(rng() * 90);
  let chapter = 0;
  let nextChapter = 1;
  for (let a = 1; a <= count; a++) {
    if (a === nextChapter) {
      chapter++;
      lines.push(`## 第${toChineseNumber(chapter)}章 ${chapter === 1 ? '总则' : pick(rng, pool.chapters)}`, '');
      nextChapter = a + 6 + Math.floor(rng() * 12);
    }
    const [first, ...rest] = pick(rng, pool.articles).map((l) => l.replace(/本法|本条例|本办法|本规定/gu, t.self));
    lines.push(`第${toChineseNumber(a)}条 ${first}`, '');
    for (const l of rest) lines.push(l, '');
  }
  return { body: lines.join('\n'), articles: count };
}
