/**
 * The demo's power list: 20 enforcement items of a provincial judicial-administration system under
 * the sample laws (律师法 2017, 公证法 2017, 法律援助法 2021, 浙江省司法鉴定管理条例 2009, 人民调解法
 * 2010). Element ids were checked against the sample texts; fines are those the articles set
 * (律师法 第四十八条 “可以处一万元以下的罚款”), the tiers within them are the demo's own benchmark.
 */
import type { BasisInput, BenchmarkInput, ItemInput } from './power-list.rules.ts';
import { PENALTY } from '../dictionary/index.ts';
import type { PowerListService } from './power-list.service.ts';
import type { BenchmarkLevel, ItemKind } from './power-list.tables.ts';

const LS = '律师法/2017-09-01';
const GZ = '公证法/2017-09-01';
const FY = '法律援助法/2021-08-20';
const JD = '浙江省司法鉴定管理条例/2009-06-03';
const TJ = '人民调解法/2010-08-28';

const { warning: WARN, fine: FINE, confiscateGains: CONFISCATE, revokeLicence: REVOKE, suspendBusiness: SUSPEND_BUSINESS, barFromPractice: SUSPEND_PRACTICE } = PENALTY;

const basis = (...ids: string[]): BasisInput[] => ids.map((elementId) => ({ elementId, role: 'basis' }));
const penalty = (...ids: string[]): BasisInput[] => ids.map((elementId) => ({ elementId, role: 'penalty' }));
const tier = (level: BenchmarkLevel, circumstances: string, penalties: string[], amount: [number, number] | null = null, note = ''): BenchmarkInput => ({
  level, circumstances, penalties, amountMin: amount?.[0] ?? null, amountMax: amount?.[1] ?? null, note,
});
const item = (code: string, name: string, kind: ItemKind, orgTypes: string[], description: string, bases: BasisInput[], benchmarks: BenchmarkInput[] = []): ItemInput => ({
  code, name, kind, orgTypes, description, bases, benchmarks,
});

const CITY_PROVINCE = ['city_bureau', 'province_dept'];

export const DEMO_ITEMS: readonly ItemInput[] = [
  item('SF-LS-001', '律师执业许可', '行政许可', CITY_PROVINCE, '设区的市级司法行政部门受理并审查，报省级司法行政部门审核，作出是否准予执业的决定。', basis(`${LS}/art5`, `${LS}/art6`)),
  item('SF-LS-002', '律师事务所设立许可', '行政许可', CITY_PROVINCE, '设区的市级司法行政部门受理并审查，报省级司法行政部门审核，作出是否准予设立的决定。', basis(`${LS}/art14`, `${LS}/art18/p1`)),
  item('SF-LS-101', '对律师以不正当手段承揽业务的处罚', '行政处罚', ['city_bureau'], '律师以诋毁他人、支付介绍费等不正当手段承揽业务。', [...basis(`${LS}/art26/p1`), ...penalty(`${LS}/art47/p1/i2`)], [
    tier('轻微', '初次违法，承揽业务一件，未造成危害后果并及时改正', [WARN]),
    tier('一般', '承揽业务二至三件，或支付介绍费数额较小', [WARN, FINE], [1000, 3000]),
    tier('较重', '承揽业务三件以上，或造成当事人损失', [WARN, FINE, CONFISCATE], [3000, 5000], '有违法所得的，没收违法所得'),
    tier('严重', '造成恶劣社会影响，或一年内因同类行为受过处罚', [SUSPEND_PRACTICE, FINE, CONFISCATE], [4000, 5000], '给予停止执业三个月以下的处罚'),
  ]),
  item('SF-LS-102', '对律师私自接受委托、收取费用，接受委托人财物或者其他利益的处罚', '行政处罚', ['city_bureau'], '律师未通过律师事务所私自接受委托、收取费用。', [...basis(`${LS}/art40/p1/i1`), ...penalty(`${LS}/art48/p1/i1`)], [
    tier('轻微', '收取费用数额较小并已退还，未造成危害后果', [WARN]),
    tier('一般', '私自接受委托一件，收取费用未退还', [WARN, FINE], [1000, 5000]),
    tier('较重', '私自接受委托二件以上，或接受委托人财物', [WARN, FINE, CONFISCATE], [5000, 10000], '有违法所得的，没收违法所得'),
    tier('严重', '造成委托人重大损失或恶劣社会影响', [SUSPEND_PRACTICE, FINE, CONFISCATE], [8000, 10000], '给予停止执业三个月以上六个月以下的处罚'),
  ]),
  item('SF-LS-103', '对律师向司法行政部门提供虚假材料的处罚', '行政处罚', CITY_PROVINCE, '律师在执业许可、年度考核等事项中提供虚假材料或有其他弄虚作假行为。', penalty(`${LS}/art49/p1/i3`), [
    tier('一般', '提供虚假材料一项，未取得不当利益', [SUSPEND_PRACTICE, FINE], [10000, 30000], '停止执业六个月以上九个月以下'),
    tier('较重', '提供虚假材料多项，或因此取得执业许可、考核结果', [SUSPEND_PRACTICE, FINE, CONFISCATE], [30000, 50000], '停止执业九个月以上一年以下'),
    tier('严重', '伪造国家机关公文、证件，或造成恶劣社会影响', [REVOKE, FINE, CONFISCATE], [40000, 50000], '由省级司法行政部门吊销律师执业证书'),
  ]),
  item('SF-LS-104', '对律师事务所违反规定接受委托、收取费用的处罚', '行政处罚', CITY_PROVINCE, '律师事务所违反规定接受委托、收取费用。', penalty(`${LS}/art50/p1/i1`), [
    tier('轻微', '违规收费数额较小并已退还', [WARN]),
    tier('一般', '违规接受委托或收费，未造成当事人损失', [WARN, FINE], [10000, 50000]),
    tier('较重', '多次违规，或造成当事人损失', [SUSPEND_BUSINESS, FINE, CONFISCATE], [50000, 100000], '停业整顿一个月以上六个月以下'),
    tier('严重', '情节特别严重', [REVOKE, CONFISCATE], null, '由省级司法行政部门吊销律师事务所执业证书'),
  ]),
  item('SF-LS-105', '对没有取得律师执业证书的人员以律师名义从事法律服务业务的处罚', '行政处罚', ['county_bureau', ...CITY_PROVINCE], '责令停止非法执业，没收违法所得，处违法所得一倍以上五倍以下的罚款。', penalty(`${LS}/art55/p1`), [
    tier('一般', '时间较短、违法所得较少', [CONFISCATE, FINE], null, '处违法所得一倍以上二倍以下的罚款'),
    tier('较重', '持续时间长或违法所得较多', [CONFISCATE, FINE], null, '处违法所得二倍以上四倍以下的罚款'),
    tier('严重', '造成当事人重大损失或恶劣社会影响', [CONFISCATE, FINE], null, '处违法所得四倍以上五倍以下的罚款'),
  ]),
  item('SF-LS-106', '对律师拒绝履行法律援助义务的处罚', '行政处罚', ['city_bureau'], '律师无正当理由拒绝履行或者怠于履行法律援助义务。', [...basis(`${FY}/art63/p1/i1`, `${LS}/art42/p1`), ...penalty(`${LS}/art47/p1/i5`)], [
    tier('轻微', '初次拒绝，经指出后及时改正', [WARN]),
    tier('一般', '拒绝指派一次，未影响受援人权益', [WARN, FINE], [1000, 3000]),
    tier('较重', '多次拒绝，或致受援人错过法定期限', [WARN, FINE], [3000, 5000]),
    tier('严重', '造成受援人重大损失', [SUSPEND_PRACTICE, FINE], [4000, 5000], '给予停止执业三个月以下的处罚'),
  ]),
  item('SF-LS-201', '律师和律师事务所执业活动日常监督检查', '行政检查', ['county_bureau'], '县级司法行政部门对执业活动实施日常监督管理，发现问题责令改正，需处罚的向上级提出建议。', basis(`${LS}/art52/p1`)),
  item('SF-GZ-001', '公证机构设立审批', '行政许可', CITY_PROVINCE, '所在地司法行政部门报省级司法行政部门批准后颁发公证机构执业证书。', basis(`${GZ}/art8`, `${GZ}/art9/p1`)),
  item('SF-GZ-002', '公证员执业审核', '行政许可', CITY_PROVINCE, '经公证机构推荐，所在地司法行政部门报省级司法行政部门审核同意后报请国务院司法行政部门任命。', basis(`${GZ}/art18`, `${GZ}/art21/p1`)),
  item('SF-GZ-101', '对公证机构及其公证员以不正当手段争揽公证业务的处罚', '行政处罚', CITY_PROVINCE, '以诋毁其他公证机构、公证员或者支付回扣、佣金等不正当手段争揽公证业务。', [...basis(`${GZ}/art13/p1/i3`), ...penalty(`${GZ}/art41/p1/i1`)], [
    tier('一般', '初次违法，未造成危害后果', [WARN]),
    tier('较重', '多次争揽或支付回扣、佣金数额较大', [FINE, CONFISCATE], [10000, 30000], '对公证机构；对公证员处一千元以上五千元以下罚款'),
    tier('严重', '造成恶劣社会影响', [FINE, SUSPEND_PRACTICE, CONFISCATE], [30000, 50000], '对公证员并可以给予三个月以上六个月以下停止执业的处罚'),
  ]),
  item('SF-GZ-102', '对公证机构及其公证员私自出具公证书的处罚', '行政处罚', CITY_PROVINCE, '未按办证程序、未经公证机构私自出具公证书。', [...basis(`${GZ}/art23/p1/i4`), ...penalty(`${GZ}/art42/p1/i1`)], [
    tier('一般', '私自出具公证书一份，未造成损失', [WARN, FINE], [20000, 50000], '对公证机构；对公证员警告并处二千元以上一万元以下罚款'),
    tier('较重', '私自出具多份，或造成当事人损失', [WARN, FINE, CONFISCATE], [50000, 80000]),
    tier('严重', '造成重大损失或恶劣社会影响', [WARN, FINE, SUSPEND_BUSINESS, CONFISCATE], [80000, 100000], '并处一个月以上三个月以下停业整顿；对公证员由省级司法行政部门吊销公证员执业证书'),
  ]),
  item('SF-FY-001', '法律援助申请审查', '其他', ['legal_aid_center'], '法律援助机构自收到申请之日起七日内审查，作出是否给予法律援助的决定。', basis(`${FY}/art43/p1`)),
  item('SF-FY-101', '对受援人以欺骗或者其他不正当手段获得法律援助的处罚', '行政处罚', ['county_bureau', 'city_bureau'], '责令支付已实施法律援助的费用，并处三千元以下罚款。', penalty(`${FY}/art64/p1`), [
    tier('轻微', '隐瞒财产数额较小，及时说明并支付费用', [FINE], [100, 500]),
    tier('一般', '隐瞒经济状况获得法律援助', [FINE], [500, 1500]),
    tier('较重', '伪造证明材料获得法律援助', [FINE], [1500, 2500]),
    tier('严重', '多次骗取或造成法律援助资源重大浪费', [FINE], [2500, 3000]),
  ]),
  item('SF-FY-102', '对冒用法律援助名义提供法律服务并谋取利益的处罚', '行政处罚', ['county_bureau', 'city_bureau'], '责令改正，没收违法所得，并处违法所得一倍以上三倍以下罚款。', penalty(`${FY}/art65/p1`), [
    tier('一般', '违法所得较少，及时改正', [CONFISCATE, FINE], null, '处违法所得一倍以上二倍以下罚款'),
    tier('严重', '违法所得较多或造成当事人损失', [CONFISCATE, FINE], null, '处违法所得二倍以上三倍以下罚款'),
  ]),
  item('SF-JD-001', '司法鉴定机构设立登记', '行政许可', CITY_PROVINCE, '向所在地设区的市司法行政部门提交材料，报省司法行政部门审核登记。', basis(`${JD}/art9/p1`, `${JD}/art11/p1`)),
  item('SF-JD-101', '对司法鉴定人私自接受鉴定委托、收取鉴定费用的处罚', '行政处罚', CITY_PROVINCE, '司法鉴定人不通过司法鉴定机构私自接受委托、收取费用。', [...basis(`${JD}/art31/p2`), ...penalty(`${JD}/art47/p1/i3`, `${JD}/art47/p2`)], [
    tier('一般', '私自接受委托一次，已退还费用', [WARN], null, '并责令改正'),
    tier('较重', '多次私自接受委托或收取费用未退还', [WARN, CONFISCATE, FINE], null, '没收违法所得，并处违法所得一倍以上三倍以下的罚款'),
    tier('严重', '情节严重', [SUSPEND_PRACTICE, CONFISCATE, FINE], null, '由省司法行政部门给予停止从事司法鉴定业务三个月以上一年以下的处罚'),
  ]),
  item('SF-JD-201', '司法鉴定机构和司法鉴定人监督检查', '行政检查', CITY_PROVINCE, '就遵守法律法规、鉴定程序和技术规范、执业规则等情况进行监督、检查。', basis(`${JD}/art26/p1`)),
  item('SF-TJ-001', '人民调解工作指导', '其他', ['county_bureau', 'justice_office'], '县级以上地方司法行政部门指导本行政区域的人民调解工作。', basis(`${TJ}/art5/p1`)),
];

export interface DemoSeedResult {
  created: string[];
  /** Bases left out because the library does not hold their element (the sample laws are absent). */
  skippedBases: string[];
  /** Items left out because they broke a rule without those bases (a 行政处罚 needs one, ADP-31). */
  skippedItems: string[];
}

/**
 * Loads the demo list through the service's own rules and upsert (audited as the demo). Run after
 * the laws are imported; a basis the library lacks is left out and returned rather than failing,
 * since the sample laws may be missing on a machine. Running it again changes nothing.
 */
export async function seedPowerListDemo(service: Pick<PowerListService, 'check' | 'upsert'>): Promise<DemoSeedResult> {
  const first = await service.check(DEMO_ITEMS);
  const missing = new Set(
    DEMO_ITEMS.flatMap((it, k) => (first[k] ?? []).filter((v) => v.code === 'POWER_BASIS_UNKNOWN' && v.basis !== undefined).map((v) => it.bases[v.basis as number]?.elementId ?? '')),
  );
  const inputs = DEMO_ITEMS.map((it) => ({ ...it, bases: it.bases.filter((b) => !missing.has(b.elementId)) }));
  const second = await service.check(inputs);
  const good = inputs.filter((_, k) => (second[k] ?? []).length === 0);
  const skippedItems = inputs.filter((_, k) => (second[k] ?? []).length > 0).map((it) => it.code);
  const { created } = good.length > 0 ? await service.upsert({ system: 'demo' }, good, 'power-list.seed-demo') : { created: [] };
  return { created, skippedBases: [...missing].sort(), skippedItems };
}
