/**
 * The people and organisations of the demo world. Each is a pure function of (index, seed), seeded
 * with the same key as its library's row, so the 律师事务所 that lawyer row i names is exactly law-firm
 * row j (j ≈ i / 16) of a law-firm file generated with the same seed — references resolve across
 * files without either file knowing about the other. Reference ratios: lawyer → firm ⌊i/16⌋,
 * notary → office ⌊i/8⌋, appraiser → institution ⌊i/10⌋, mediator → committee ⌊i/5⌋, legal-aid case →
 * lawyer ⌊i/4⌋ (each minus a small random spread), so a file of n persons needs about n/16 … n/4
 * rows of the referenced library for every reference to resolve.
 */
import { idCheckDigit } from '../../standards/index.ts';
import { makeCreditCode } from '../../identity/index.ts';
import {
  address, appraisalInstitutionName, type County, counties, justiceBureau, lawFirmName, notaryOfficeName, personName, phone, placeName, streetsOf,
} from './names.ts';
import { civilFromDays } from '../../../platform/calendar/dates.ts';
import { compactDate, dayOf, mix32, permute, Rng, rowSeed, strHash, TODAY, weighted } from './random.ts';

/** Small per-kind memo: rows refer to nearby indexes (row i → org ⌊i/16⌋), so a bounded map hits. */
function memo<T>(make: (j: number, seed: number) => T): (j: number, seed: number) => T {
  let cache = new Map<number, T>();
  let cacheSeed = NaN;
  return (j, seed) => {
    if (seed !== cacheSeed || cache.size > 4096) {
      cache = new Map();
      cacheSeed = seed;
    }
    let v = cache.get(j);
    if (v === undefined) {
      v = make(j, seed);
      cache.set(j, v);
    }
    return v;
  };
}

/** The rng of row j of a library; entities use it so they equal that library's row j. */
const hashes = new Map<string, number>();
export function libHash(libraryId: string): number {
  let h = hashes.get(libraryId);
  if (h === undefined) hashes.set(libraryId, (h = strHash(libraryId)));
  return h;
}
export const rowRng = (libraryId: string, j: number, seed: number): Rng => new Rng(rowSeed(libHash(libraryId), j, seed));
/** A per-purpose key (Feistel keys for IDs and names) that still depends on the seed. */
const keyOf = (purpose: string, seed: number): number => mix32(libHash(purpose) ^ Math.imul(seed, 0x9e3779b9));

/** Org row j refers to one of the orgs around ⌊j / perOrg⌋, so org sizes vary but stay local. */
export const near = (rng: Rng, i: number, perOrg: number, spread: number): number => Math.max(0, Math.floor(i / perOrg) - rng.int(spread));

/** About 40 % of Zhejiang's practitioners work in Hangzhou; the rest spread over the province. */
let hangzhou: readonly County[] | undefined;
export function pickCounty(rng: Rng): County {
  hangzhou ??= counties().filter((c) => c.city.code === '330100');
  return rng.pick(rng.chance(0.4) ? hangzhou : counties());
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const yearOf = (days: number): number => civilFromDays(days)[0];
export const dayBetween = (rng: Rng, from: number, to: number): number => (to <= from ? from : rng.between(from, to));

// ---------------------------------------------------------------- people

/**
 * Roles own disjoint 顺序码 ranges (`slice` × 62 values, × 2 for the gender digit), and within a role
 * row i maps through a keyed permutation onto (county, birth day, 顺序码) — so 公民身份号码 are unique
 * within and across libraries for up to counties × days × 62 rows per role (~80 M for lawyers).
 */
const ROLES = {
  lawyer: { slice: 0, from: 1960, to: 2000, male: 0.6 },
  notary: { slice: 1, from: 1960, to: 1995, male: 0.55 },
  appraiser: { slice: 2, from: 1960, to: 1995, male: 0.65 },
  aidRecipient: { slice: 3, from: 1940, to: 2006, male: 0.55 },
  qualification: { slice: 4, from: 1965, to: 2002, male: 0.5 },
  mediator: { slice: 5, from: 1950, to: 1998, male: 0.6 },
  corrections: { slice: 6, from: 1950, to: 2005, male: 0.85 },
  officer: { slice: 7, from: 1965, to: 2000, male: 0.65 },
} as const;
export type Role = keyof typeof ROLES;
const SLICE = 62;

export interface Person {
  name: string;
  male: boolean;
  idNumber: string;
  birth: number; // days since epoch
  county: County; // region of the 公民身份号码 (place of first registration)
}

export function person(role: Role, i: number, seed: number, rng: Rng): Person {
  const spec = ROLES[role];
  const cs = counties();
  const first = dayOf(spec.from);
  const days = dayOf(spec.to + 1) - first;
  const n = cs.length * days * SLICE;
  const p = permute(i % n, n, keyOf(role, seed));
  const county = cs[p % cs.length] as County;
  const rest = Math.floor(p / cs.length);
  const birth = first + (rest % days);
  const male = rng.chance(spec.male);
  const seq = (spec.slice * SLICE + Math.floor(rest / days)) * 2 + (male ? 1 : 0); // odd 顺序码 = male
  const first17 = county.code + compactDate(birth) + pad(seq, 3);
  return { name: personName(rng, male), male, idNumber: first17 + idCheckDigit(first17), birth, county };
}

// ---------------------------------------------------------------- organisations

/** 组织机构代码 bodies per kind, 10 M apart, so two kinds never share a body. */
const BODY = { lawFirm: 60_000_000, notaryOffice: 70_000_000, institution: 80_000_000, bureau: 90_000_000 } as const;
const body = (base: number, j: number): number => base + (j % 10_000_000);

const PRACTICE_STATUS = weighted<string>([['正常', 92], ['暂停执业', 2], ['注销', 5], ['吊销', 1]]);
export const practiceStatus = (rng: Rng): string => rng.pick(PRACTICE_STATUS);

export interface Org {
  name: string;
  creditCode: string;
  county: County;
  licenceNo: string;
  director: string;
  address: string;
  established: number;
  status: string;
  phone: string;
}

const LAW_FIRM_FORMS = weighted<readonly [string, string]>([[['普通合伙', '1'], 60], [['特殊的普通合伙', '2'], 5], [['个人', '3'], 33], [['国家出资', '4'], 2]]);

export const lawFirm = memo((j: number, seed: number): Org & { form: string } => {
  const rng = rowRng('law-firm', j, seed);
  const county = pickCounty(rng);
  const [form, formDigit] = rng.pick(LAW_FIRM_FORMS);
  const established = dayBetween(rng, dayOf(1993), TODAY - 30);
  return {
    name: lawFirmName(j, keyOf('firm-name', seed), rng, county),
    creditCode: makeCreditCode({ registry: '3', category: '1', regionCode: county.code, sequence: body(BODY.lawFirm, j) }),
    county,
    form,
    // 执业许可证号: 3 + 市 (4) + 设立年 (4) + 组织形式 (1) + 序号 (7) — the fixed-width prefix keeps it unique per j.
    licenceNo: `3${county.city.code.slice(0, 4)}${yearOf(established)}${formDigit}${pad(j, 7)}`,
    director: personName(rng, rng.chance(0.75)),
    address: address(rng, county, true),
    established,
    status: practiceStatus(rng),
    phone: phone(rng, county.city, 0.7),
  };
});

export const notaryOffice = memo((k: number, seed: number): Org => {
  const rng = rowRng('notary-office', k, seed);
  const cs = counties();
  // One office per county first (as in reality), then additional named ones.
  const county = k < cs.length ? (cs[k] as County) : pickCounty(rng);
  const established = dayBetween(rng, dayOf(1980), dayOf(2012));
  return {
    name: notaryOfficeName(k < cs.length ? null : k - cs.length, keyOf('notary-name', seed), county),
    creditCode: makeCreditCode({ registry: '3', category: '2', regionCode: county.code, sequence: body(BODY.notaryOffice, k) }),
    county,
    licenceNo: `${county.code}${pad(k, 4)}`,
    director: personName(rng, rng.chance(0.65)),
    address: address(rng, county, true),
    established,
    status: rng.chance(0.97) ? '正常' : '暂停执业',
    phone: phone(rng, county.city, 0.85),
  };
});

export const APPRAISAL_SCOPES: Record<string, readonly string[]> = {
  法医类: ['法医临床鉴定', '法医病理鉴定', '法医物证鉴定', '法医毒物鉴定', '法医精神病鉴定'],
  物证类: ['文书鉴定', '痕迹鉴定', '微量鉴定'],
  声像资料: ['录音鉴定', '图像鉴定', '电子数据鉴定'],
  环境损害: ['污染物性质鉴定', '地表水与沉积物环境损害鉴定', '土壤与地下水环境损害鉴定', '生态系统环境损害鉴定'],
  其他: ['司法会计鉴定', '建设工程司法鉴定', '知识产权司法鉴定'],
};
const APPRAISAL_CATEGORIES = weighted<string>([['法医类', 55], ['物证类', 20], ['声像资料', 8], ['环境损害', 7], ['其他', 10]]);

export const institution = memo((j: number, seed: number): Org & { categories: string[]; scope: string } => {
  const rng = rowRng('appraisal-institution', j, seed);
  const county = pickCounty(rng);
  const categories = [rng.pick(APPRAISAL_CATEGORIES)];
  if (rng.chance(0.35)) {
    const extra = rng.pick(APPRAISAL_CATEGORIES);
    if (!categories.includes(extra)) categories.push(extra);
  }
  const items = categories.flatMap((c) => (APPRAISAL_SCOPES[c] ?? []).filter(() => rng.chance(0.6)));
  const established = dayBetween(rng, dayOf(2005, 10), TODAY - 30); // the 2005 决定 took effect 2005-10-01
  return {
    name: appraisalInstitutionName(j, keyOf('institution-name', seed), rng, county),
    creditCode: makeCreditCode({ registry: '3', category: '4', regionCode: county.code, sequence: body(BODY.institution, j) }),
    county,
    categories,
    scope: (items.length > 0 ? items : [categories[0] ?? '法医类']).join('、'),
    licenceNo: `${county.city.code.slice(0, 4)}${pad(j, 6)}`,
    director: personName(rng, rng.chance(0.7)),
    address: address(rng, county, true),
    established,
    status: practiceStatus(rng),
    phone: phone(rng, county.city, 0.75),
  };
});

const COMMITTEE_TYPES = weighted<string>([['村民委员会', 45], ['居民委员会', 30], ['企业事业单位', 10], ['乡镇街道', 10], ['行业性专业性', 5]]);
const INDUSTRIES = ['建设', '纺织', '电力', '物流', '化工', '机械', '食品', '医药', '电子', '印染'];
const DISPUTE_DOMAINS = ['医疗纠纷', '交通事故纠纷', '劳动争议', '物业纠纷', '婚姻家庭纠纷', '消费纠纷', '知识产权纠纷'];

export interface Committee {
  name: string;
  type: string;
  county: County;
  director: string;
  established: number;
}

/**
 * Committee j sits in county j mod N; its place name is the ⌊j / N⌋-th unique word, so
 * (行政区划代码, 名称) — the library's business key — never repeats.
 */
export const committee = memo((j: number, seed: number): Committee => {
  const rng = rowRng('mediation-committee', j, seed);
  const cs = counties();
  const county = cs[j % cs.length] as County;
  // A different permutation per county, so county A's first committee is not named like county B's.
  const place = placeName(Math.floor(j / cs.length), keyOf('committee-place', seed) + (j % cs.length) * 7919);
  // A real street of the county where the divisions file has some, else an invented town.
  const real = streetsOf(county.code);
  const town = real.length > 0 && rng.chance(0.7) ? rng.pick(real).name : `${placeName(rng.int(2000), keyOf('town', seed))}${rng.chance(0.5) ? '街道' : '镇'}`;
  const type = rng.pick(COMMITTEE_TYPES);
  const name =
    type === '村民委员会' ? `${town}${place}村人民调解委员会`
    : type === '居民委员会' ? `${town}${place}社区人民调解委员会`
    : type === '乡镇街道' ? `${place}镇人民调解委员会`
    : type === '企业事业单位' ? `浙江${place}${rng.pick(INDUSTRIES)}有限公司人民调解委员会`
    : `${county.name}${place}${rng.pick(DISPUTE_DOMAINS)}人民调解委员会`;
  return { name, type, county, director: personName(rng, rng.chance(0.7)), established: dayBetween(rng, dayOf(1995), TODAY - 60) };
});

/** 执法主体 / 许可机关 / 处罚机关: a 司法局 or the 司法厅, with a stable 机关 credit code (11…). */
export function bureau(rng: Rng, county: County, level: { province: number; city: number }) {
  const b = justiceBureau(rng, county, level);
  const creditCode = makeCreditCode({ registry: '1', category: '1', regionCode: b.region, sequence: body(BODY.bureau, Number(b.region) - 330000) });
  return { name: b.name, region: b.region, docPrefix: b.docPrefix, creditCode };
}

// ---------------------------------------------------------------- lawyers (referenced by legal aid and qualifications)

const PRACTICE_TYPES = weighted<string>([['专职', 85], ['兼职', 5], ['公职', 5], ['公司', 3], ['法律援助', 2]]);

export interface Lawyer extends Person {
  licenceNo: string;
  firmIndex: number;
  practiceType: string;
  firstPractice: number;
  status: string;
  phone: string;
}

/** Lawyer i, uncached: for the lawyer library itself, whose rows are each built once. */
export function makeLawyer(i: number, seed: number): Lawyer {
  const rng = rowRng('lawyer', i, seed);
  const p = person('lawyer', i, seed, rng);
  const firmIndex = near(rng, i, 16, 3);
  const firm = lawFirm(firmIndex, seed);
  const firstPractice = dayBetween(rng, Math.max(p.birth + 24 * 366, dayOf(1990)), TODAY - 7);
  // Fields copied one by one: an object spread here cost ~10 µs a row (V8's slow clone path).
  return {
    name: p.name, male: p.male, idNumber: p.idNumber, birth: p.birth, county: p.county,
    firmIndex,
    // 执业证号: 1 + 市 (4) + 首次执业年 (4) + 1 + 序号 (7 from i) — unique for distinct i.
    licenceNo: `1${firm.county.city.code.slice(0, 4)}${yearOf(firstPractice)}1${pad(i, 7)}`,
    practiceType: rng.pick(PRACTICE_TYPES),
    firstPractice,
    status: practiceStatus(rng),
    phone: phone(rng, firm.county.city, 0.03),
  };
}
/** Lawyer i, cached: legal-aid cases and penalties refer to the same few lawyers many times over. */
export const lawyer = memo(makeLawyer);
