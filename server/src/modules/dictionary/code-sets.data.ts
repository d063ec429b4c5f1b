import { ORG_TYPES } from '../identity/index.ts';
import { BUSINESS_CODE_SETS } from './business-code-sets.data.ts';

export interface BuiltinItem {
  code: string;
  label: string;
  /** The enclosing item of a hierarchical set; listed before its children. */
  parent?: string;
}

export interface BuiltinCodeSet {
  code: string;
  name: string;
  standard: string | null;
  description: string;
  editable: boolean;
  items: readonly BuiltinItem[];
}

const flat = (pairs: readonly (readonly [string, string])[]): BuiltinItem[] => pairs.map(([code, label]) => ({ code, label }));

/** 56 民族 in the order and with the 2-digit codes of GB/T 3304-1991 表 1. */
const ETHNIC_GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

/** GB/T 4658-2006 学历代码: a 2-digit code whose tens digit is the level (x0) it belongs to. */
const EDUCATION: readonly (readonly [string, string])[] = [
  ['10', '研究生教育'], ['11', '博士研究生毕业'], ['12', '博士研究生结业'], ['13', '博士研究生肄业'],
  ['14', '硕士研究生毕业'], ['15', '硕士研究生结业'], ['16', '硕士研究生肄业'],
  ['17', '研究生班毕业'], ['18', '研究生班结业'], ['19', '研究生班肄业'],
  ['20', '大学本科教育'], ['21', '大学本科毕业'], ['22', '大学本科结业'], ['23', '大学本科肄业'], ['28', '大学普通班毕业'],
  ['30', '大学专科教育'], ['31', '大学专科毕业'], ['32', '大学专科结业'], ['33', '大学专科肄业'],
  ['40', '中等职业教育'], ['41', '中等专科毕业'], ['42', '中等专科结业'], ['43', '中等专科肄业'],
  ['44', '职业高中毕业'], ['45', '职业高中结业'], ['46', '职业高中肄业'],
  ['47', '技工学校毕业'], ['48', '技工学校结业'], ['49', '技工学校肄业'],
  ['60', '普通高级中学教育'], ['61', '普通高中毕业'], ['62', '普通高中结业'], ['63', '普通高中肄业'],
  ['70', '初级中学教育'], ['71', '初中毕业'], ['73', '初中肄业'],
  ['80', '小学教育'], ['81', '小学毕业'], ['83', '小学肄业'],
  ['90', '其他'],
];

/**
 * The built-in code sets, seeded into every database at start (`ensureBaseline`). Standards are
 * cited in `standard`; what was not checked against the standard's own text is said in the
 * description. National and industry standards are not editable: records exchanged with other
 * agencies carry these codes, and both sides must read them against the same table.
 */
export const BUILTIN_CODE_SETS: readonly BuiltinCodeSet[] = [
  {
    code: 'sex',
    name: '性别',
    standard: 'GB/T 2261.1-2003',
    description: '《个人基本信息分类与代码 第1部分：人的性别代码》。',
    editable: false,
    items: flat([['0', '未知的性别'], ['1', '男性'], ['2', '女性'], ['9', '未说明的性别']]),
  },
  {
    code: 'ethnicity',
    name: '民族',
    standard: 'GB/T 3304-1991',
    description:
      '《中国各民族名称的罗马字母拼写法和代码》数字代码 01–56。97 其他、98 外国血统中国籍人士不在该标准表内，' +
      '按公安居民身份证登记的通行做法补充。',
    editable: false,
    items: [
      ...ETHNIC_GROUPS.map((label, i) => ({ code: String(i + 1).padStart(2, '0'), label })),
      { code: '97', label: '其他' },
      { code: '98', label: '外国血统中国籍人士' },
    ],
  },
  {
    code: 'id_document_type',
    name: '证件类型',
    standard: 'GA/T 517',
    description:
      '公安常用证件代码，收录司法行政业务常见的 10 种。代码已与两份独立的公开实现核对；标准编号与版本年份未与标准原文核对。' +
      '516 在标准中原称“港澳同胞回乡证（通行卡）”，现行证件名称为港澳居民来往内地通行证。',
    editable: false,
    items: flat([
      ['111', '居民身份证'], ['112', '临时居民身份证'], ['113', '户口簿'],
      ['114', '中国人民解放军军官证'], ['115', '中国人民武装警察部队警官证'], ['414', '普通护照'],
      ['516', '港澳居民来往内地通行证'], ['511', '台湾居民来往大陆通行证'], ['553', '外国人永久居留身份证'],
      ['990', '其他'],
    ]),
  },
  {
    code: 'education',
    name: '学历',
    standard: 'GB/T 4658-2006',
    description: '《学历代码》，分两级：x0 为学历层次，其下为毕业、结业、肄业等。',
    editable: false,
    items: EDUCATION.map(([code, label]) => (code.endsWith('0') ? { code, label } : { code, label, parent: `${code.charAt(0)}0` })),
  },
  {
    code: 'political_status',
    name: '政治面貌',
    standard: 'GB/T 4762-1984',
    description: '《政治面貌代码》，名称采用通行简称（如 01 中国共产党党员简称中共党员；12 标准原文为无党派民主人士）。',
    editable: false,
    items: flat([
      ['01', '中共党员'], ['02', '中共预备党员'], ['03', '共青团员'], ['04', '民革党员'], ['05', '民盟盟员'],
      ['06', '民建会员'], ['07', '民进会员'], ['08', '农工党党员'], ['09', '致公党党员'], ['10', '九三学社社员'],
      ['11', '台盟盟员'], ['12', '无党派人士'], ['13', '群众'],
    ]),
  },
  {
    code: 'org_type',
    name: '机构类型',
    standard: null,
    description: '天平自定代码集：司法行政系统的机构类型。组织机构按这些代码校验，故不能在此增改。',
    editable: false,
    items: ORG_TYPES.map((t) => ({ code: t.code, label: t.label })),
  },
  {
    code: 'licence_status',
    name: '执业证照状态',
    standard: null,
    description: '天平自定代码集（非国家标准）：律师、公证员、司法鉴定人等执业证照的状态。证照业务按这些代码流转，故不能在此增改。',
    editable: false,
    items: flat([['valid', '有效'], ['suspended', '暂停执业'], ['revoked', '吊销'], ['cancelled', '注销'], ['expired', '过期']]),
  },
  ...BUSINESS_CODE_SETS,
];
