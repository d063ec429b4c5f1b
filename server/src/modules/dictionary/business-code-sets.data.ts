import type { BuiltinCodeSet } from './code-sets.data.ts';

const flat = (pairs: readonly (readonly [string, string])[]) => pairs.map(([code, label]) => ({ code, label }));

/**
 * Code sets of the business standard libraries (业务标准库). Where a national standard exists it is
 * named; the others are tianping's own, with the statute whose categories they follow. Records
 * imported through aggregation store these codes, so none of them is editable.
 */
export const BUSINESS_CODE_SETS: readonly BuiltinCodeSet[] = [
  {
    code: 'lawyer_practice_type', name: '律师执业类别', standard: null, editable: false,
    description: '天平自定代码集，依《律师执业管理办法》：专职、兼职、公职、公司律师与法律援助律师。',
    items: flat([['01', '专职'], ['02', '兼职'], ['03', '公职'], ['04', '公司'], ['05', '法律援助']]),
  },
  {
    code: 'practice_status', name: '执业状态', standard: null, editable: false,
    description: '天平自定代码集：律师、公证员、司法鉴定人及其机构的执业状态。',
    items: flat([['1', '正常'], ['2', '暂停执业'], ['3', '注销'], ['4', '吊销']]),
  },
  {
    code: 'law_firm_form', name: '律师事务所组织形式', standard: null, editable: false,
    description: '依《律师法》第十五条至第二十条：合伙（普通合伙、特殊的普通合伙）、个人、国家出资设立。',
    items: flat([['1', '普通合伙'], ['2', '特殊的普通合伙'], ['3', '个人'], ['4', '国家出资']]),
  },
  {
    code: 'appraisal_category', name: '司法鉴定类别', standard: null, editable: false,
    description: '依《全国人大常委会关于司法鉴定管理问题的决定》第二条：法医类、物证类、声像资料三大类，以及环境损害等。',
    items: flat([['01', '法医类'], ['02', '物证类'], ['03', '声像资料'], ['04', '环境损害'], ['99', '其他']]),
  },
  {
    code: 'legal_aid_case_type', name: '法律援助案件类型', standard: null, editable: false,
    description: '依《法律援助法》第二十二条。',
    items: flat([['1', '刑事'], ['2', '民事'], ['3', '行政'], ['4', '国家赔偿'], ['9', '其他']]),
  },
  {
    code: 'legal_aid_status', name: '法律援助案件状态', standard: null, editable: false,
    description: '天平自定代码集：受理、指派、办理中、结案、终止（《法律援助法》第四十八条）。',
    items: flat([['1', '受理'], ['2', '指派'], ['3', '办理中'], ['4', '结案'], ['5', '终止']]),
  },
  {
    code: 'qualification_type', name: '法律职业资格证书类型', standard: null, editable: false,
    description: '依《国家统一法律职业资格考试实施办法》：A 类、B 类、C 类。',
    items: flat([['A', 'A类'], ['B', 'B类'], ['C', 'C类']]),
  },
  {
    code: 'mediator_type', name: '人民调解员类型', standard: null, editable: false,
    description: '依《人民调解法》第十三条：专职、兼职。',
    items: flat([['1', '专职'], ['2', '兼职']]),
  },
  {
    code: 'mediation_committee_type', name: '人民调解委员会类型', standard: null, editable: false,
    description: '依《人民调解法》第八条、第三十四条。',
    items: flat([['1', '村民委员会'], ['2', '居民委员会'], ['3', '企业事业单位'], ['4', '乡镇街道'], ['5', '行业性专业性']]),
  },
  {
    code: 'correction_type', name: '社区矫正类别', standard: null, editable: false,
    description: '依《社区矫正法》第二条：管制、缓刑、假释、暂予监外执行。',
    items: flat([['1', '管制'], ['2', '缓刑'], ['3', '假释'], ['4', '暂予监外执行']]),
  },
  {
    code: 'correction_status', name: '社区矫正状态', standard: null, editable: false,
    description: '天平自定代码集：在矫、解除矫正、收监执行、死亡（《社区矫正法》第五章、第六章）。',
    items: flat([['1', '在矫'], ['2', '解除矫正'], ['3', '收监执行'], ['4', '死亡']]),
  },
  {
    code: 'permit_category', name: '行政许可类别', standard: null, editable: false,
    description: '依《行政许可法》第十二条及“双公示”数据标准：普通、特许、认可、核准、登记、其他。',
    items: flat([['1', '普通'], ['2', '特许'], ['3', '认可'], ['4', '核准'], ['5', '登记'], ['9', '其他']]),
  },
  {
    code: 'penalty_type', name: '行政处罚种类', standard: null, editable: false,
    description: '依《行政处罚法》第九条。',
    items: flat([
      ['01', '警告'], ['02', '通报批评'], ['03', '罚款'], ['04', '没收违法所得'], ['05', '没收非法财物'],
      ['06', '暂扣许可证件'], ['07', '降低资质等级'], ['08', '吊销许可证件'], ['09', '限制开展生产经营活动'],
      ['10', '责令停产停业'], ['11', '责令关闭'], ['12', '限制从业'], ['13', '行政拘留'], ['99', '其他'],
    ]),
  },
  {
    code: 'enforcement_domain', name: '执法领域', standard: null, editable: false,
    description: '天平自定代码集，依《关于深化综合行政执法体制改革的指导意见》所列领域及各部门行政执法职责：执法主体与执法人员所属的执法领域。',
    items: flat([
      ['01', '司法行政'], ['02', '市场监管'], ['03', '生态环境'], ['04', '文化市场'], ['05', '交通运输'], ['06', '农业农村'],
      ['07', '应急管理'], ['08', '卫生健康'], ['09', '自然资源'], ['10', '城市管理'], ['11', '住房城乡建设'], ['12', '水利'],
      ['13', '商务'], ['14', '人力资源社会保障'], ['15', '教育'], ['16', '林业草原'], ['17', '民政'], ['99', '其他'],
    ]),
  },
];
