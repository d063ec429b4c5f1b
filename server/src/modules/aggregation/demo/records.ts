/**
 * One clean record per library row, keyed by the library's field keys, with canonical values
 * (ISO dates, upper-case IDs). Rendering as a person would type them (mixed date formats, 全角
 * digits) and deliberate damage happen afterwards in generator.ts, so a record's facts do not depend
 * on either.
 */
import {
  bureau, committee, dayBetween, institution, lawFirm, lawyer, makeLawyer, near, notaryOffice, person, pickCounty, practiceStatus, rowRng, yearOf,
} from './entities.ts';
import { address, counties, documentNo, justiceOfficeName, legalAidCenterName, phone, streets } from './names.ts';
import { dayOf, isoDate, type Rng, TODAY, weighted } from './random.ts';

export type Rec = Record<string, string>;
type Builder = (i: number, seed: number) => Rec;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Optional fields are left empty now and then, as in real registers. */
const maybe = (rng: Rng, p: number, value: string): string => (rng.chance(p) ? value : '');
const gender = (male: boolean): string => (male ? '男' : '女');
const money = (x: number): string => String(Math.round(x * 100) / 100);

const EDUCATION = weighted<string>([['大学本科毕业', 60], ['硕士研究生毕业', 28], ['博士研究生毕业', 3], ['大学专科毕业', 7], ['研究生班毕业', 2]]);
const MEDIATOR_EDUCATION = weighted<string>([['大学本科毕业', 35], ['大学专科毕业', 30], ['普通高中毕业', 20], ['初中毕业', 10], ['硕士研究生毕业', 5]]);
const POLITICAL = weighted<string>([['中共党员', 45], ['群众', 45], ['共青团员', 3], ['民盟盟员', 2], ['九三学社社员', 1], ['无党派人士', 4]]);
const AID_TYPES = weighted<string>([['刑事', 35], ['民事', 55], ['行政', 4], ['国家赔偿', 1], ['其他', 5]]);
const MATTERS: Record<string, readonly string[]> = {
  刑事: ['盗窃', '诈骗', '故意伤害', '危险驾驶', '帮助信息网络犯罪活动', '寻衅滋事', '交通肇事'],
  民事: ['追索劳动报酬', '劳动争议', '离婚纠纷', '抚养费纠纷', '赡养纠纷', '机动车交通事故责任纠纷', '工伤保险待遇纠纷', '民间借贷纠纷', '医疗损害责任纠纷'],
  行政: ['工伤认定', '社会保险行政给付', '行政处罚'],
  国家赔偿: ['刑事赔偿', '行政赔偿'],
  其他: ['法律咨询', '代拟法律文书'],
};
const CRIMES = ['危险驾驶罪', '盗窃罪', '诈骗罪', '故意伤害罪', '交通肇事罪', '帮助信息网络犯罪活动罪', '开设赌场罪', '非法吸收公众存款罪', '寻衅滋事罪', '掩饰、隐瞒犯罪所得罪'];
const CORRECTION_TYPES = weighted<readonly [string, number, number]>([[['缓刑', 12, 60], 85], [['假释', 3, 36], 6], [['管制', 3, 24], 3], [['暂予监外执行', 6, 36], 6]]);
const ENFORCEMENT_DOMAINS = ['司法行政', '律师行业监管', '公证监管', '司法鉴定监管', '法律援助监管', '社区矫正', '基层法律服务监管'];

const BUILDERS: Record<string, Builder> = {
  lawyer(i, seed) {
    const l = makeLawyer(i, seed);
    const firm = lawFirm(l.firmIndex, seed);
    const rng = rowRng('lawyer#extra', i, seed);
    return {
      name: l.name, gender: maybe(rng, 0.98, gender(l.male)), idNumber: l.idNumber, licenceNo: l.licenceNo,
      firmName: firm.name, firmCreditCode: maybe(rng, 0.9, firm.creditCode), practiceType: l.practiceType,
      firstPracticeDate: maybe(rng, 0.95, isoDate(l.firstPractice)), practiceStatus: l.status, phone: maybe(rng, 0.95, l.phone),
    };
  },

  'law-firm'(j, seed) {
    const f = lawFirm(j, seed);
    const rng = rowRng('law-firm#extra', j, seed);
    return {
      name: f.name, creditCode: f.creditCode, licenceNo: maybe(rng, 0.9, f.licenceNo), organizationForm: f.form, director: f.director,
      regionCode: f.county.code, address: maybe(rng, 0.97, f.address), establishedDate: maybe(rng, 0.95, isoDate(f.established)),
      status: f.status, phone: maybe(rng, 0.9, f.phone),
    };
  },

  notary(i, seed) {
    const rng = rowRng('notary', i, seed);
    const p = person('notary', i, seed, rng);
    const office = notaryOffice(near(rng, i, 8, 2), seed);
    const first = dayBetween(rng, Math.max(p.birth + 25 * 366, office.established), TODAY - 7);
    return {
      name: p.name, gender: maybe(rng, 0.98, gender(p.male)), idNumber: p.idNumber,
      licenceNo: `${office.county.city.code.slice(0, 4)}${yearOf(first)}${pad(i, 6)}`,
      officeName: office.name, officeCreditCode: maybe(rng, 0.9, office.creditCode), firstPracticeDate: maybe(rng, 0.95, isoDate(first)),
      practiceStatus: practiceStatus(rng), phone: maybe(rng, 0.95, phone(rng, office.county.city, 0.03)),
    };
  },

  'notary-office'(k, seed) {
    const o = notaryOffice(k, seed);
    const rng = rowRng('notary-office#extra', k, seed);
    return {
      name: o.name, creditCode: o.creditCode, licenceNo: maybe(rng, 0.9, o.licenceNo), director: o.director, regionCode: o.county.code,
      address: maybe(rng, 0.97, o.address), establishedDate: maybe(rng, 0.9, isoDate(o.established)), status: o.status, phone: maybe(rng, 0.95, o.phone),
    };
  },

  appraiser(i, seed) {
    const rng = rowRng('appraiser', i, seed);
    const p = person('appraiser', i, seed, rng);
    const inst = institution(near(rng, i, 10, 3), seed);
    const category = rng.pick(inst.categories);
    const year = yearOf(dayBetween(rng, Math.max(p.birth + 25 * 366, inst.established), TODAY - 7));
    return {
      name: p.name, gender: maybe(rng, 0.98, gender(p.male)), idNumber: p.idNumber,
      // 执业证号: 市 (4) + 年 (2) + 类别 (1) + 序号 (6 from i).
      licenceNo: `${inst.county.city.code.slice(0, 4)}${String(year).slice(2)}${'法物声环其'.indexOf(category.charAt(0)) + 1}${pad(i, 6)}`,
      institutionName: inst.name, institutionCreditCode: maybe(rng, 0.9, inst.creditCode), category,
      practiceStatus: practiceStatus(rng), phone: maybe(rng, 0.95, phone(rng, inst.county.city, 0.03)),
    };
  },

  'appraisal-institution'(j, seed) {
    const o = institution(j, seed);
    const rng = rowRng('appraisal-institution#extra', j, seed);
    return {
      name: o.name, creditCode: o.creditCode, licenceNo: maybe(rng, 0.9, o.licenceNo), director: o.director, scope: maybe(rng, 0.95, o.scope),
      regionCode: o.county.code, address: maybe(rng, 0.97, o.address), status: o.status, phone: maybe(rng, 0.95, o.phone),
    };
  },

  'legal-aid-case'(i, seed) {
    const rng = rowRng('legal-aid-case', i, seed);
    const p = person('aidRecipient', i, seed, rng);
    const county = rng.chance(0.7) ? p.county : pickCounty(rng);
    const caseType = rng.pick(AID_TYPES);
    const accepted = dayBetween(rng, dayOf(2021), TODAY - 1);
    const recent = TODAY - accepted < 90;
    const status = recent ? rng.pick(['受理', '指派', '办理中', '办理中', '结案']) : rng.pick(['结案', '结案', '结案', '结案', '终止', '办理中']);
    const lw = status === '受理' ? null : lawyer(near(rng, i, 4, 4), seed);
    const closed = status === '结案' || status === '终止' ? Math.min(TODAY, accepted + rng.between(15, 300)) : null;
    return {
      caseNo: `FY${yearOf(accepted)}${county.code}${pad(i, 7)}`, name: p.name, gender: maybe(rng, 0.97, gender(p.male)), idNumber: p.idNumber,
      caseType, matter: maybe(rng, 0.95, rng.pick(MATTERS[caseType] ?? ['其他'])), acceptedDate: isoDate(accepted),
      centerName: legalAidCenterName(rng, county), lawyerName: lw ? lw.name : '', lawyerLicenceNo: lw ? lw.licenceNo : '', status,
      closedDate: closed === null ? '' : isoDate(closed),
    };
  },

  'legal-qualification'(i, seed) {
    const rng = rowRng('legal-qualification', i, seed);
    // Half the holders are the generated lawyers (same person, same 公民身份号码), the rest others.
    const lw = rng.chance(0.5) ? makeLawyer(i, seed) : null;
    const p = lw ?? person('qualification', i, seed, rng);
    const type = lw ? 'A类' : rng.pick(['A类', 'A类', 'A类', 'A类', 'A类', 'A类', 'A类', 'B类', 'C类', 'C类']);
    const granted = lw ? lw.firstPractice - rng.between(200, 720) : dayBetween(rng, Math.max(p.birth + 22 * 366, dayOf(2002, 3)), TODAY - 90);
    return {
      name: p.name, gender: maybe(rng, 0.98, gender(p.male)), idNumber: p.idNumber,
      certificateNo: `${type.charAt(0)}${yearOf(granted)}${p.county.city.code.slice(0, 4)}${pad(i, 7)}`, certificateType: type,
      grantedDate: isoDate(granted), education: maybe(rng, 0.9, type === 'C类' ? '大学专科毕业' : rng.pick(EDUCATION)),
      phone: maybe(rng, 0.9, phone(rng, p.county.city, 0.02)),
    };
  },

  mediator(i, seed) {
    const rng = rowRng('mediator', i, seed);
    const p = person('mediator', i, seed, rng);
    const c = committee(near(rng, i, 5, 3), seed);
    return {
      name: p.name, gender: maybe(rng, 0.98, gender(p.male)), idNumber: p.idNumber, committeeName: c.name,
      mediatorType: rng.chance(0.2) ? '专职' : '兼职', politicalStatus: maybe(rng, 0.9, rng.pick(POLITICAL)),
      education: maybe(rng, 0.85, rng.pick(MEDIATOR_EDUCATION)),
      appointedDate: maybe(rng, 0.9, isoDate(dayBetween(rng, Math.max(c.established, p.birth + 20 * 366), TODAY - 1))),
      phone: maybe(rng, 0.9, phone(rng, c.county.city, 0.05)),
    };
  },

  'mediation-committee'(j, seed) {
    const c = committee(j, seed);
    const rng = rowRng('mediation-committee#extra', j, seed);
    return {
      name: c.name, committeeType: c.type, regionCode: c.county.code, director: maybe(rng, 0.95, c.director),
      memberCount: maybe(rng, 0.9, String(rng.between(3, c.type === '乡镇街道' ? 25 : 11))), establishedDate: maybe(rng, 0.85, isoDate(c.established)),
      address: maybe(rng, 0.8, address(rng, c.county, true)), phone: maybe(rng, 0.8, phone(rng, c.county.city, 0.5)),
    };
  },

  'corrections-subject'(i, seed) {
    const rng = rowRng('corrections-subject', i, seed);
    const p = person('corrections', i, seed, rng);
    const [type, minMonths, maxMonths] = rng.pick(CORRECTION_TYPES);
    const start = dayBetween(rng, Math.max(dayOf(2019), p.birth + 18 * 366), TODAY - 30);
    const end = start + Math.round(rng.between(minMonths, maxMonths) * 30.44);
    const r = rng.float();
    const status = r < 0.04 ? '收监执行' : r < 0.05 ? '死亡' : end < TODAY ? '解除矫正' : '在矫';
    return {
      subjectNo: `SQJZ${p.county.code}${yearOf(start)}${pad(i, 7)}`, name: p.name, gender: maybe(rng, 0.99, gender(p.male)), idNumber: p.idNumber,
      birthDate: maybe(rng, 0.8, isoDate(p.birth)), correctionType: type, crime: maybe(rng, 0.95, rng.pick(CRIMES)),
      startDate: isoDate(start), endDate: isoDate(end), executingOrg: justiceOfficeName(rng.pick(streets())), status,
      phone: maybe(rng, 0.9, phone(rng, p.county.city, 0.02)),
    };
  },

  'enforcement-officer'(i, seed) {
    const rng = rowRng('enforcement-officer', i, seed);
    const p = person('officer', i, seed, rng);
    const b = bureau(rng, rng.chance(0.6) ? p.county : pickCounty(rng), { province: 0.1, city: 0.25 });
    const issued = dayBetween(rng, dayOf(2018), TODAY - 1);
    const validUntil = issued + 5 * 365 + 1;
    const status = validUntil < TODAY ? '过期' : rng.pick(['有效', '有效', '有效', '有效', '有效', '有效', '有效', '有效', '暂停执业', '注销']);
    return {
      name: p.name, gender: maybe(rng, 0.98, gender(p.male)), idNumber: p.idNumber, certificateNo: `${b.region}${pad(i, 7)}`,
      agency: b.name, agencyCreditCode: maybe(rng, 0.9, b.creditCode), domain: maybe(rng, 0.9, rng.pick(ENFORCEMENT_DOMAINS)),
      issuedDate: maybe(rng, 0.95, isoDate(issued)), validUntil: maybe(rng, 0.95, isoDate(validUntil)), status,
    };
  },

  'administrative-permit'(i, seed) {
    const rng = rowRng('administrative-permit', i, seed);
    const kind = rng.int(10);
    const org = kind < 6 ? lawFirm(near(rng, i, 2, 4), seed) : kind < 9 ? institution(near(rng, i, 4, 4), seed) : notaryOffice(near(rng, i, 8, 2), seed);
    const [permitName, category] =
      kind < 4 ? ['律师事务所设立许可', '普通'] : kind < 6 ? ['律师事务所变更登记', '登记'] : kind < 9 ? ['司法鉴定机构登记', '登记'] : ['公证机构设立审批', '核准'];
    const auth = bureau(rng, org.county, { province: kind >= 6 ? 1 : 0.2, city: 0.8 });
    const decided = dayBetween(rng, dayOf(2019), TODAY - 1);
    const quote = (s: string): string => (rng.chance(0.1) ? `"${s}"` : s); // some clerks type ASCII quotes
    const content =
      kind < 4 ? `准予设立${quote(org.name)}，住所：${org.address}`
      : kind < 6 ? `准予${quote(org.name)}变更住所为${org.address}`
      : kind < 9 ? `准予${quote(org.name)}登记，业务范围：${'scope' in org ? String(org.scope) : '法医类鉴定'}`
      : `准予设立${quote(org.name)}`;
    const validTo = rng.chance(0.4) ? '' : isoDate(decided + (rng.chance(0.5) ? 3 : 5) * 365);
    return {
      decisionNo: documentNo(auth.docPrefix, '许', yearOf(decided), i + 1), permitName, category, counterpartName: org.name,
      counterpartCreditCode: maybe(rng, 0.95, org.creditCode), content: maybe(rng, 0.9, content), decisionDate: isoDate(decided),
      validFrom: maybe(rng, 0.8, isoDate(decided)), validTo, authority: auth.name, authorityCreditCode: maybe(rng, 0.85, auth.creditCode),
    };
  },

  'administrative-penalty'(i, seed) {
    const rng = rowRng('administrative-penalty', i, seed);
    const r = rng.float();
    const target = r < 0.4 ? 'lawyer' : r < 0.8 ? 'firm' : 'institution';
    const lw = target === 'lawyer' ? lawyer(near(rng, i, 1, 50), seed) : null;
    const org = target === 'firm' ? lawFirm(near(rng, i, 2, 4), seed) : target === 'institution' ? institution(near(rng, i, 4, 4), seed) : null;
    const county = org ? org.county : lawFirm(lw?.firmIndex ?? 0, seed).county;
    const [violation, basis, maxFine] =
      target === 'lawyer' ? rng.pick([['私自接受委托、收取费用', '《中华人民共和国律师法》第四十八条', 5], ['同时在两个以上律师事务所执业', '《中华人民共和国律师法》第四十七条', 0.5], ['泄露当事人的个人隐私', '《中华人民共和国律师法》第四十八条', 5]] as const)
      : target === 'firm' ? rng.pick([['违反规定接受委托、收取费用', '《中华人民共和国律师法》第五十条', 10], ['不按规定统一接受委托、签订书面委托合同', '《律师事务所管理办法》第四十二条', 10]] as const)
      : rng.pick([['超出登记的业务范围从事司法鉴定业务', '《全国人民代表大会常务委员会关于司法鉴定管理问题的决定》第十三条', 3], ['未按规定进行司法鉴定执业活动', '《司法鉴定机构登记管理办法》第三十九条', 3]] as const);
    const penaltyType = rng.pick(target === 'institution' ? ['警告', '警告', '罚款', '责令停产停业', '通报批评'] : ['警告', '警告', '罚款', '罚款', '没收违法所得', '通报批评', '责令停产停业']);
    const fined = penaltyType === '罚款' || penaltyType === '没收违法所得';
    const auth = bureau(rng, county, { province: target === 'institution' ? 1 : 0.05, city: 0.5 });
    const decided = dayBetween(rng, dayOf(2019), TODAY - 1);
    const who = lw ? `律师${lw.name}` : (org?.name ?? '');
    const facts = `经查，${who}于${yearOf(decided - rng.between(60, 400))}年期间存在${violation}的行为，违反了${basis}的规定。` +
      (rng.chance(0.05) ? '\n当事人在规定期限内未提出陈述、申辩。' : '当事人对上述事实无异议。');
    return {
      decisionNo: documentNo(auth.docPrefix, '罚决', yearOf(decided), i + 1), counterpartName: lw ? lw.name : who,
      counterpartCreditCode: org ? maybe(rng, 0.95, org.creditCode) : '', violation, facts: maybe(rng, 0.9, facts), basis, penaltyType,
      fineAmount: fined ? money(Math.max(0.05, rng.float() * maxFine)) : '', decisionDate: isoDate(decided), authority: auth.name,
      authorityCreditCode: maybe(rng, 0.9, auth.creditCode),
    };
  },
};

/** The clean record of row i; throws for a library the generator does not know. */
export function cleanRecord(libraryId: string, i: number, seed: number): Rec {
  const build = BUILDERS[libraryId];
  if (!build) throw new Error(`demo: no generator for library "${libraryId}"`);
  return build(i, seed);
}

export const DEMO_LIBRARIES: readonly string[] = Object.keys(BUILDERS);

/** The real county codes rows draw from; for tests that check 行政区划代码 and ID prefixes. */
export const countyCodes = (): Set<string> => new Set(counties().map((c) => c.code));
