/**
 * Realistic-looking Chinese names, organisation names, addresses and document numbers for the demo
 * data. Regions are the real Zhejiang divisions in server/data/divisions (read lazily, once), so
 * generated 行政区划代码, 公民身份号码 prefixes and 统一社会信用代码 regions are all real codes.
 * Names are invented; any match with a real person or organisation is coincidence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { permute, type Rng, weighted } from './random.ts';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/divisions');

// ---------------------------------------------------------------- divisions

export interface City {
  code: string;
  name: string; // 杭州市
  short: string; // 杭州
  areaCode: string; // 0571 (landline 区号)
  docPrefix: string; // 杭司 (发文机关代字 of the city 司法局)
}
export interface County {
  code: string;
  name: string; // 西湖区
  short: string; // 西湖
  city: City;
}
export interface Street {
  code: string;
  name: string; // 北山街道
  county: County;
}

/** 区号 and the one-character 简称 used in 发文字号; facts the divisions file does not carry. */
const CITY_FACTS: Record<string, [areaCode: string, abbr: string]> = {
  '330100': ['0571', '杭'], '330200': ['0574', '甬'], '330300': ['0577', '温'], '330400': ['0573', '嘉'],
  '330500': ['0572', '湖'], '330600': ['0575', '绍'], '330700': ['0579', '金'], '330800': ['0570', '衢'],
  '330900': ['0580', '舟'], '331000': ['0576', '台'], '331100': ['0578', '丽'],
};

interface Divisions {
  cities: City[];
  counties: County[];
  streets: Street[];
}
let divisions: Divisions | undefined;

/** The files are plain "code,name,parent" lines without quoting, so a split is enough. */
function readCsv(file: string): string[][] {
  const text = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').map((l) => l.split(','));
}

function loadDivisions(): Divisions {
  if (divisions) return divisions;
  const rows = readCsv('330000-zhejiang.csv');
  const cities = new Map<string, City>();
  for (const [code = '', name = '', parent = ''] of rows) {
    const facts = CITY_FACTS[code];
    if (parent === '330000' && facts) cities.set(code, { code, name, short: name.replace(/市$/, ''), areaCode: facts[0], docPrefix: `${facts[1]}司` });
  }
  const counties: County[] = [];
  for (const [code = '', name = '', parent = ''] of rows) {
    const city = cities.get(parent);
    if (city) counties.push({ code, name, short: name.replace(/(畲族自治县|区|县|市)$/, ''), city });
  }
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const streets: Street[] = [];
  for (const [code = '', name = '', countyCode = ''] of readCsv('330000-zhejiang-streets.csv')) {
    const county = byCode.get(countyCode);
    if (county) streets.push({ code, name, county });
  }
  if (counties.length === 0 || streets.length === 0) throw new Error('demo: no Zhejiang divisions found in server/data/divisions');
  divisions = { cities: [...cities.values()], counties, streets };
  return divisions;
}

export const cities = (): readonly City[] => loadDivisions().cities;
export const counties = (): readonly County[] => loadDivisions().counties;
/** Real streets; the identity demo seeds a 司法所 for each, so names built from them match real orgs. */
export const streets = (): readonly Street[] => loadDivisions().streets;

let byCounty: Map<string, Street[]> | undefined;
/** The real streets of a county (empty for most: the file lists a sample). */
export function streetsOf(countyCode: string): readonly Street[] {
  if (!byCounty) {
    byCounty = new Map();
    for (const s of streets()) byCounty.set(s.county.code, [...(byCounty.get(s.county.code) ?? []), s]);
  }
  return byCounty.get(countyCode) ?? [];
}

// ---------------------------------------------------------------- person names

/** Surnames with rough national frequency in per-mille (第七次人口普查 order of magnitude). */
const SURNAMES = weighted<string>([
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 53], ['杨', 31], ['黄', 22], ['赵', 22], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 12], ['朱', 12], ['胡', 11], ['郭', 11], ['何', 10], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 3], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['钱', 1],
  ['万', 1], ['严', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1], ['应', 1], ['楼', 1],
  ['欧阳', 1], ['司马', 1], ['诸葛', 1], ['上官', 1],
]);

const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰志东文斌亮成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀玲燕婷雪慧莹琳晶颖倩洁丹萍红梅琴蕾薇璐佳欣怡悦雯菲露瑶媛蓉妍晨岚嘉琼桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'];
const SHARED_CHARS = [...'子文思一天嘉晓雨心新安然可乐诗语梓涵泽宇博睿萱俊逸晨阳佳怡一诺若'];
const MALE_POOL = [...new Set([...MALE_CHARS, ...SHARED_CHARS])];
const FEMALE_POOL = [...new Set([...FEMALE_CHARS, ...SHARED_CHARS])];

/** 维吾尔族 names are written 本人名·父名 with the middle dot (U+00B7) that ID cards use. */
const UYGHUR_MALE = ['买买提', '艾力', '阿不都', '艾尔肯', '吐尔逊', '努尔', '伊力哈木', '阿迪力', '热合曼', '库尔班'];
const UYGHUR_FEMALE = ['阿依古丽', '古丽娜尔', '热依拉', '迪丽娜尔', '帕提古丽', '米娜瓦尔', '努尔古丽', '阿依努尔'];
const UYGHUR_FATHER = ['买买提', '吐尔逊', '艾力', '阿不都拉', '热合曼', '依明', '卡德尔', '司马义', '玉素甫', '托合提'];

/** A person name matching `male` (the 性别 the row will carry). */
export function personName(rng: Rng, male: boolean): string {
  if (rng.chance(0.004)) return `${rng.pick(male ? UYGHUR_MALE : UYGHUR_FEMALE)}·${rng.pick(UYGHUR_FATHER)}`;
  const pool = male ? MALE_POOL : FEMALE_POOL;
  const given = rng.chance(0.72) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return rng.pick(SURNAMES) + given;
}

// ---------------------------------------------------------------- unique name parts

/** Characters for 字号 (trade names); deduplicated so distinct indexes give distinct strings. */
const TRADE_CHARS = [...new Set('天册六和泽大成金道汉盛京衡君安国浩锦达正中伦泰通合诚信汇德明华远永恒瑞丰康宁博英杰元鼎新兴民海宏开源泓钱塘之江星辰阳光立本方圆理义仁善法平公允直清廉尚睿智思行启东南北嘉隆昌裕茂广胜策略谦益厚朴言泰澄弘毅致知恪守衡平崇'.split(''))];
/** Characters for village / community names; none of 街道镇乡村, so "<town><place>村" parses one way. */
const PLACE_CHARS = [...new Set('东西南北新塘桥湖山溪河港田坞岭口浦湾头沙林石竹花桃柳梅松枫龙凤马牛金银玉青白红黄大小上下前后里外长高安宁平和丰兴隆福庆华明光阳云水江潭洋岙岸坑埠墩堰畈垟'.split(''))];

/**
 * The k-th of a set of distinct 2- or 3-character names over `chars`, in keyed scrambled order: two
 * characters while k < C², three after. Distinct k ⇒ distinct string, which is what makes generated
 * organisation names unique without remembering the ones already used.
 */
function uniqueWord(chars: readonly string[], k: number, key: number): string {
  const c = chars.length;
  const two = c * c;
  if (k < two) {
    const p = permute(k, two, key);
    return (chars[p % c] ?? '') + (chars[Math.floor(p / c)] ?? '');
  }
  const p = permute((k - two) % (two * c), two * c, key + 1);
  return (chars[p % c] ?? '') + (chars[Math.floor(p / c) % c] ?? '') + (chars[Math.floor(p / two)] ?? '');
}

export const tradeName = (k: number, key: number): string => uniqueWord(TRADE_CHARS, k, key);
export const placeName = (k: number, key: number): string => uniqueWord(PLACE_CHARS, k, key);

// ---------------------------------------------------------------- organisations

/** 浙江天泽律师事务所 or 杭州天泽律师事务所; the 字号 is unique per firm index. */
export function lawFirmName(j: number, key: number, rng: Rng, county: County): string {
  const prefix = rng.chance(0.55) ? '浙江' : county.city.short;
  return `${prefix}${tradeName(j, key)}律师事务所`;
}

/**
 * The first office of a county is named after it (杭州市西湖公证处); further ones get a 字号 whose
 * index `trade` is unique across all offices (null for the county's own office).
 */
export function notaryOfficeName(trade: number | null, key: number, county: County): string {
  return trade === null ? `${county.city.name}${county.short}公证处` : `${county.city.name}${tradeName(trade, key)}公证处`;
}

export function appraisalInstitutionName(j: number, key: number, rng: Rng, county: County): string {
  const prefix = rng.chance(0.5) ? '浙江' : county.city.short;
  return `${prefix}${tradeName(j, key)}${rng.chance(0.85) ? '司法鉴定所' : '司法鉴定中心'}`;
}

/** 北山街道 → 北山司法所, the same rule the identity demo seeds its 司法所 with. */
export function justiceOfficeName(street: Street): string {
  return `${street.name.replace(/(街道|镇|乡)$/, '')}司法所`;
}

export function legalAidCenterName(rng: Rng, county: County): string {
  const r = rng.float();
  if (r < 0.05) return '浙江省法律援助中心';
  if (r < 0.25) return `${county.city.name}法律援助中心`;
  return `${county.city.name}${county.name}法律援助中心`;
}

/** A 司法局 or the 司法厅 (执法主体, 许可机关, 处罚机关) with its 6-digit region. */
export function justiceBureau(rng: Rng, county: County, level: { province: number; city: number }): { name: string; region: string; docPrefix: string } {
  const r = rng.float();
  if (r < level.province) return { name: '浙江省司法厅', region: '330000', docPrefix: '浙司' };
  if (r < level.province + level.city) return { name: `${county.city.name}司法局`, region: county.city.code, docPrefix: county.city.docPrefix };
  return { name: `${county.city.name}${county.name}司法局`, region: county.code, docPrefix: `${county.short.charAt(0)}司` };
}

// ---------------------------------------------------------------- addresses, phones, documents

const ROADS = [
  '人民路', '解放路', '中山路', '建设路', '文化路', '新华路', '环城东路', '环城西路', '滨江路', '学院路',
  '体育场路', '延安路', '凤起路', '庆春路', '文三路', '文二路', '天目山路', '莫干山路', '曙光路', '教工路',
  '古墩路', '秋涛路', '钱江路', '中河路', '东方路', '世纪大道', '府前路', '县前街', '望江路', '兴业路',
  '科技路', '创业路', '湖滨路', '朝晖路', '复兴路', '和平路', '江南大道', '丽水路', '商城大道', '振兴路',
];
const BUILDINGS = ['大厦', '中心', '广场', '国际', '商务楼', '金融中心'];

/** 杭州市西湖区文三路123号 with, sometimes, a building and room. */
export function address(rng: Rng, county: County, office: boolean): string {
  const base = `${county.city.name}${county.name}${rng.pick(ROADS)}${rng.between(1, 999)}号`;
  if (office && rng.chance(0.6)) return `${base}${tradeName(rng.int(400), 7)}${rng.pick(BUILDINGS)}${rng.between(2, 32)}楼`;
  if (!office && rng.chance(0.5)) return `${base}${rng.between(1, 30)}幢${rng.between(1, 3)}单元${rng.between(1, 28)}0${rng.between(1, 4)}室`;
  return base;
}

const MOBILE_PREFIXES = weighted<string>([
  ['130', 3], ['131', 3], ['132', 3], ['133', 2], ['134', 2], ['135', 5], ['136', 5], ['137', 5], ['138', 6], ['139', 6],
  ['150', 3], ['151', 3], ['152', 3], ['153', 2], ['155', 2], ['156', 2], ['157', 3], ['158', 4], ['159', 4],
  ['180', 2], ['181', 2], ['182', 2], ['183', 2], ['185', 2], ['186', 3], ['187', 3], ['188', 3], ['189', 3],
  ['191', 1], ['193', 1], ['195', 1], ['198', 2], ['199', 2], ['177', 1], ['176', 1],
]);

/** n ≤ 9 random digits from one draw (one rng call, not n: phones are on the hot path). */
const digits = (rng: Rng, n: number): string => String(rng.int(10 ** n)).padStart(n, '0');

/** A mobile number, or (with probability `landline`) a city landline 0571-8xxxxxxx. */
export function phone(rng: Rng, city: City, landline: number): string {
  if (rng.chance(landline)) return `${city.areaCode}-${rng.between(2, 8)}${digits(rng, 7)}`;
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

/** 浙司罚决〔2024〕12号: 机关代字 + 类别 + 〔年份〕 + 序号. */
export function documentNo(prefix: string, kind: string, year: number, n: number): string {
  return `${prefix}${kind}〔${year}〕${n}号`;
}
