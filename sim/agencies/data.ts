/**
 * What each simulated agency holds, shaped as its API returns it: 公安 and 民政 with pinyin-initial
 * field names (gmsfhm, nanf.zjhm), 自然资源 with its 不动产 codes, 组织人事 in camelCase. All of it is a
 * pure function of (seed, scale), so a test knows exactly what a pull must land.
 *
 * The agencies' data touches the demo's on purpose, so the 大数据 checks have something to find:
 * demo lawyers who are also serving civil servants (律师法 第十一条), a deceased demo lawyer, mediator,
 * notary and corrections subject, legal-aid recipients who own property (法律援助法 第四十一条), and
 * a civil servant 在职 whom 公安 has registered as deceased.
 */
import { bureau } from '../../server/src/modules/aggregation/demo/entities.ts';
import { address, counties, type County } from '../../server/src/modules/aggregation/demo/names.ts';
import { cleanRecord } from '../../server/src/modules/aggregation/demo/records.ts';
import { compactDate, dayOf, isoDate, Rng, rowSeed, strHash, TODAY, weighted } from '../../server/src/modules/aggregation/demo/random.ts';
import { makeCreditCode } from '../../server/src/modules/identity/index.ts';
import { demoPerson, legacyId, POOL, simPerson, type Person } from './people.ts';

export type Row = Record<string, unknown>;

export interface Datasets {
  deaths: Row[];
  marriages: Row[];
  realEstate: Row[];
  civilServants: Row[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const rngOf = (what: string, i: number, seed: number) => new Rng(rowSeed(strHash(`sim-${what}`), i, seed));
/** A day in [from, to]; `to` when the range is empty (a young demo person: no date before today). */
const dayIn = (rng: Rng, from: number, to: number) => (from >= to ? to : rng.between(from, to));
/** 2019-05-20 10:31:05, as 不动产 systems stamp 登簿时间. */
const stamp = (rng: Rng, day: number) => `${isoDate(day)} ${pad(rng.between(8, 17), 2)}:${pad(rng.int(60), 2)}:${pad(rng.int(60), 2)}`;
/** 2016/3/1: 组织人事 exports dates without leading zeros. */
const slashDate = (day: number) => isoDate(day).replace(/-0?/g, '/');
/** 杭州市西湖区 → 杭州市公安局西湖分局; county-level cities and counties have their own 公安局. */
const policeOf = (c: County) => (c.name.endsWith('区') ? `${c.city.name}公安局${c.short}分局` : `${c.name}公安局`);
const civilAffairsOf = (c: County) => (c.name.endsWith('区') ? `${c.city.name}${c.name}民政局婚姻登记处` : `${c.name}民政局婚姻登记处`);

// Demo persons named on purpose: (library, demo row) placed at a fixed index of an agency's list.
const DECEASED_DEMO: Record<number, [string, number]> = { 17: ['lawyer', 5], 58: ['lawyer', 29], 99: ['mediator', 14], 140: ['corrections-subject', 7], 181: ['notary', 3] };
const CIVIL_SERVANT_DEMO: Record<number, [string, number]> = { 5: ['lawyer', 3], 47: ['lawyer', 17] };
const MARRIED_DEMO: Record<number, [string, number]> = { 4: ['lawyer', 2], 11: ['lawyer', 9] };
const OWNER_DEMO: Record<number, [string, number]> = { 3: ['legal-aid-case', 1], 21: ['legal-aid-case', 6], 44: ['legal-aid-case', 11] };
/** The 组织人事 record whose ID number fails its 校验码 (a typing error on their side). */
export const MISTYPED_CIVIL_SERVANT = 150;
const CHECK_CHARS = '0123456789X';
/** The 公安 death whose person 组织人事 still lists as serving. */
const DEAD_BUT_SERVING = { death: 40, civilServant: 73 };

function deaths(seed: number, count: number): { rows: Row[]; people: Person[] } {
  const people: Person[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const rng = rngOf('death', i, seed);
    const special = DECEASED_DEMO[i];
    const p = special ? demoPerson(special[0], special[1], seed) : simPerson(POOL.gongan, i, rng.chance(0.55), seed, 1925, 1965);
    // The demo persons died lately: they still practise on the demo's rolls.
    const died = special ? dayIn(rng, TODAY - 300, TODAY - 20) : dayIn(rng, dayOf(2015), TODAY - 3);
    people.push(p);
    rows.push({
      xm: p.name, xbdm: p.male ? '1' : '2',
      // Records migrated from the old 常住人口 register name the ID number sfzh.
      [i % 37 === 5 ? 'sfzh' : 'gmsfhm']: p.idNumber,
      csrq: compactDate(p.birth), mz: '01', swrq: compactDate(died), zxrq: compactDate(Math.min(died + rng.between(3, 40), TODAY)),
      hjdqh: p.county.code, zxdw: `${policeOf(p.county)}${rng.pick(['城关', '北山', '东新', '南星', '城西', '临江', '新城'])}派出所`,
    });
  }
  return { rows, people };
}

interface Couple {
  male: Person;
  female: Person;
  married: number;
  county: County;
}

function marriages(seed: number, count: number): { rows: Row[]; couples: Couple[] } {
  const rows: Row[] = [];
  const couples: Couple[] = [];
  const at = new Map<number, Couple>();
  for (let i = 0; i < count; i++) {
    const rng = rngOf('marriage', i, seed);
    const earlier = i % 7 === 6 ? at.get(i - 4) : undefined;
    let couple: Couple;
    let type: 'IA' | 'IB';
    let day: number;
    if (earlier && earlier.married + 3 * 365 < TODAY - 30) {
      couple = earlier;
      type = 'IB';
      day = dayIn(rng, earlier.married + 2 * 365, TODAY - 30);
    } else {
      const special = MARRIED_DEMO[i];
      const demo = special ? demoPerson(special[0], special[1], seed) : null;
      const male = demo?.male ? demo : simPerson(POOL.minzheng, 2 * i, true, seed, 1950, 2000);
      const female = demo && !demo.male ? demo : simPerson(POOL.minzheng, 2 * i + 1, false, seed, 1952, 2000);
      const from = Math.max(male.birth + 22 * 365, female.birth + 20 * 365, dayOf(1992));
      day = dayIn(rng, from, TODAY - 30);
      couple = { male, female, married: day, county: male.county };
      type = 'IA';
      at.set(i, couple);
      couples.push(couple);
    }
    const year = Number(isoDate(day).slice(0, 4));
    // Registrations of the 1990s carry the first-generation 15-digit ID numbers.
    const id = (p: Person) => (year < 2000 ? legacyId(p.idNumber) : p.idNumber);
    rows.push({
      djzh: `${type === 'IA' ? 'J' : 'L'}${couple.county.code}-${year}-${pad(i + 1, 6)}`, ywlx: type, djrq: isoDate(day),
      nanf: { xm: couple.male.name, zjhm: id(couple.male), gj: 'CHN' }, nvf: { xm: couple.female.name, zjhm: id(couple.female), gj: 'CHN' },
      djjg: civilAffairsOf(couple.county), djjgqhdm: couple.county.code,
    });
  }
  return { rows, couples };
}

const USES = weighted<string>([['住宅', 82], ['商业', 7], ['办公', 5], ['车库', 6]]);

function realEstate(seed: number, count: number, couples: readonly Couple[]): Row[] {
  const rows: Row[] = [];
  for (let j = 0; j < count; j++) {
    const rng = rngOf('real-estate', j, seed);
    const couple = j % 5 === 2 && couples.length > 0 ? couples[(j * 7) % couples.length] : undefined;
    const special = OWNER_DEMO[j];
    const owners: Person[] = couple ? [couple.male, couple.female] : [special ? demoPerson(special[0], special[1], seed) : simPerson(POOL.zrzy, j, rng.chance(0.5), seed, 1955, 1998)];
    const county = owners[0]?.county ?? (counties()[0] as County);
    const day = dayIn(rng, Math.max(dayOf(2016), (owners[0]?.birth ?? 0) + 18 * 365), TODAY - 10);
    const year = isoDate(day).slice(0, 4);
    const issuer = county.name.endsWith('区') ? county.city.name : county.name;
    const unit = `${county.code}${pad(rng.between(1, 40), 3)}${pad(rng.between(1, 20), 3)}GB${pad(rng.between(1, 99_999), 5)}F${pad(rng.between(10_001, 99_999_999), 8)}`;
    const common = {
      bdcqzh: `浙(${year})${issuer}不动产权第${pad(j + 1, 7)}号`, bdcdyh: unit, gyqk: couple ? '共同共有' : '单独所有', zl: address(rng, county, false),
      yt: rng.pick(USES), jzmj: Math.round(rng.between(3_500, 18_000)) / 100, djsj: stamp(rng, day), qszt: rng.chance(0.9) ? '1' : '2', qlrlx: '个人', zjzl: '身份证',
    };
    // The legacy 房产 system's records name the owner's ID number zjhm.
    for (const o of owners) rows.push({ ...common, qlrmc: o.name, [j % 23 === 7 ? 'zjhm' : 'qlrzjh']: o.idNumber });
  }
  return rows;
}

const DUTIES = weighted<string>([['科员', 45], ['副科长', 15], ['科长', 15], ['副主任', 8], ['主任', 5], ['副局长', 8], ['局长', 4]]);
const RANKS = ['一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员', '四级调研员', '三级调研员'];
const STATUS = weighted<string>([['在职', 85], ['退休', 9], ['调出', 3], ['辞职', 2], ['辞退', 1]]);
const OTHER_UNITS = ['人民政府办公室', '财政局', '市场监督管理局', '自然资源和规划局', '人力资源和社会保障局'];

function civilServants(seed: number, count: number, dead: readonly Person[]): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k < count; k++) {
    const rng = rngOf('civil-servant', k, seed);
    const special = CIVIL_SERVANT_DEMO[k];
    // Demo 执法人员 are civil servants of their 执法主体, as they should be.
    const officer = k >= 100 && k < 120 ? cleanRecord('enforcement-officer', k - 100, seed) : null;
    const p =
      officer ? demoPerson('enforcement-officer', k - 100, seed)
      : special ? demoPerson(special[0], special[1], seed)
      : k === DEAD_BUT_SERVING.civilServant && dead[DEAD_BUT_SERVING.death] ? (dead[DEAD_BUT_SERVING.death] as Person)
      : simPerson(POOL.zuzhi, k, rng.chance(0.6), seed, 1962, 2000);
    let unit: { name: string; uscc: string };
    if (officer) unit = { name: officer.agency ?? '', uscc: officer.agencyCreditCode ?? '' };
    else if (rng.chance(0.4)) {
      const b = bureau(rng, p.county, { province: 0.05, city: 0.2 });
      unit = { name: b.name, uscc: b.creditCode };
    } else {
      const u = rng.int(OTHER_UNITS.length);
      unit = { name: `${p.county.name.endsWith('区') ? p.county.city.name : ''}${p.county.name}${OTHER_UNITS[u]}`, uscc: makeCreditCode({ registry: '1', category: '1', regionCode: p.county.code, sequence: 91_000_000 + Number(p.county.code.slice(2)) * 10 + u }) };
    }
    const serving = special !== undefined || officer !== null || k === DEAD_BUT_SERVING.civilServant;
    // One record as a typist left it: a 校验码 off by one. It must be rejected, not land.
    const idCard = k === MISTYPED_CIVIL_SERVANT ? p.idNumber.slice(0, 17) + CHECK_CHARS.charAt((CHECK_CHARS.indexOf(p.idNumber.charAt(17)) + 1) % 11) : p.idNumber;
    rows.push({
      name: p.name, sex: p.male ? '男' : '女', idCard, unit, duty: rng.pick(DUTIES), rank: rng.pick(RANKS),
      status: serving ? '在职' : rng.pick(STATUS), registerDate: slashDate(dayIn(rng, Math.max(p.birth + 22 * 365, dayOf(2006)), TODAY - 30)),
    });
  }
  return rows;
}

const cache = new Map<string, Datasets>();

/** Every agency's records for a seed; `scale` multiplies the counts (a bigger demo, a longer pull). */
export function datasets(seed: number, scale = 1): Datasets {
  const key = `${seed}:${scale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const d = deaths(seed, 230 * scale);
  const m = marriages(seed, 150 * scale);
  const out = { deaths: d.rows, marriages: m.rows, realEstate: realEstate(seed, 160 * scale, m.couples), civilServants: civilServants(seed, 180 * scale, d.people) };
  cache.set(key, out);
  return out;
}
