import type { DataElement } from './standards.types.ts';

/** 司法行政 registers these organisations under 登记管理部门码 3 (GB 32100-2015 表 1, 司法行政). */
export const JUSTICE_CREDIT_TYPES = { lawFirm: ['31'], notaryOffice: ['32'], appraisalInstitution: ['34'] } as const;

/**
 * The data elements (数据元). A library field names one of these; its checks, length, code set and
 * header aliases come from here, so 公民身份号码 is checked the same way in every library.
 */
export const DATA_ELEMENTS: readonly DataElement[] = [
  { id: 'person-name', name: '姓名', kind: 'person-name', maxLength: 50, aliases: ['名字', '人员姓名'], standard: 'GA/T 2000.1-2015 姓名', description: '中文姓名（少数民族姓名可含间隔点“·”）或外文姓名。' },
  { id: 'gender', name: '性别', kind: 'code', maxLength: 1, codeSet: 'sex', aliases: ['性别代码'], standard: 'GB/T 2261.1-2003', description: '可填代码（1、2）或名称（男、女、男性、女性）。' },
  { id: 'id-number', name: '公民身份号码', kind: 'id-number', maxLength: 18, aliases: ['身份证号', '身份证号码', '身份证', '证件号码', '居民身份证号码', '公民身份证号码'], standard: 'GB 11643-1999', description: '18 位，ISO 7064 MOD 11-2 校验；15 位旧号码自动升为 18 位；小写 x 与全角数字自动规范。' },
  { id: 'birth-date', name: '出生日期', kind: 'date', maxLength: 10, aliases: ['出生年月日', '生日'], standard: 'GB/T 7408-2005', description: '日期，存为 YYYY-MM-DD。' },
  { id: 'ethnicity', name: '民族', kind: 'code', maxLength: 2, codeSet: 'ethnicity', aliases: [], standard: 'GB/T 3304-1991', description: '可填代码或名称。' },
  { id: 'education', name: '学历', kind: 'code', maxLength: 2, codeSet: 'education', aliases: ['文化程度'], standard: 'GB/T 4658-2006', description: '可填代码或名称。' },
  { id: 'political-status', name: '政治面貌', kind: 'code', maxLength: 2, codeSet: 'political_status', aliases: [], standard: 'GB/T 4762-1984', description: '可填代码或名称。' },
  { id: 'phone', name: '联系电话', kind: 'phone', maxLength: 20, aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'], standard: 'YD/T 2245（号码格式）', description: '手机号码（11 位）或带区号的固定电话，存为 13800000000 或 0571-87000000。' },
  { id: 'practice-licence-no', name: '执业证号', kind: 'identifier', maxLength: 30, aliases: ['执业证编号', '执业证书编号', '执业证号码', '执业证书号'], standard: '司法部执业证管理规定', description: '执业证书编号，字母与数字。' },
  { id: 'org-name', name: '机构名称', kind: 'text', maxLength: 100, aliases: ['单位名称', '机构'], standard: 'GB/T 20091-2021（名称）', description: '机构全称。' },
  { id: 'credit-code', name: '统一社会信用代码', kind: 'credit-code', maxLength: 18, aliases: ['信用代码', '社会信用代码', '统一代码'], standard: 'GB 32100-2015', description: '18 位，MOD 31 校验，并核对内含的组织机构代码（GB 11714-1997）。' },
  { id: 'practice-status', name: '执业状态', kind: 'code', maxLength: 2, codeSet: 'practice_status', aliases: ['状态'], standard: '天平代码集 practice_status', description: '正常、暂停执业、注销、吊销。' },
  { id: 'date', name: '日期', kind: 'date', maxLength: 10, aliases: [], standard: 'GB/T 7408-2005', description: '可填 2021-07-15、2021/7/15、2021年7月15日、20210715 或 Excel 日期，存为 YYYY-MM-DD。' },
  { id: 'address', name: '住所', kind: 'text', maxLength: 200, aliases: ['地址', '住址', '办公地址', '通讯地址'], standard: 'GB/T 23705-2009', description: '地址全称。' },
  { id: 'region-code', name: '行政区划代码', kind: 'identifier', maxLength: 6, pattern: '^\\d{6}$', aliases: ['区划代码', '行政区划'], standard: 'GB/T 2260', description: '6 位数字行政区划代码。' },
  { id: 'text', name: '文本', kind: 'text', maxLength: 200, aliases: [], standard: '—', description: '短文本。' },
  { id: 'long-text', name: '长文本', kind: 'text', maxLength: 4000, aliases: [], standard: '—', description: '说明、事实等长文本。' },
  { id: 'case-no', name: '案件编号', kind: 'identifier', maxLength: 60, aliases: ['案号', '编号'], standard: '—', description: '业务系统内的案件编号。' },
  { id: 'document-no', name: '文书号', kind: 'text', maxLength: 100, aliases: ['决定书文号', '文号'], standard: '《党政机关公文格式》GB/T 9704-2012（发文字号）', description: '如 浙司罚决〔2024〕12号。' },
  { id: 'amount', name: '金额', kind: 'decimal', maxLength: 20, aliases: [], standard: '—', description: '数值，最多两位小数。' },
  { id: 'count', name: '数量', kind: 'integer', maxLength: 9, aliases: [], standard: '—', description: '非负整数。' },
  { id: 'code-lawyer-practice-type', name: '执业类别', kind: 'code', maxLength: 2, codeSet: 'lawyer_practice_type', aliases: ['律师类别', '执业类型'], standard: '律师执业管理办法', description: '专职、兼职、公职、公司、法律援助。' },
  { id: 'code-law-firm-form', name: '组织形式', kind: 'code', maxLength: 2, codeSet: 'law_firm_form', aliases: ['律所类型', '组织形式类别'], standard: '律师法 第十五条至第二十条', description: '普通合伙、特殊的普通合伙、个人、国家出资。' },
  { id: 'code-appraisal-category', name: '鉴定类别', kind: 'code', maxLength: 2, codeSet: 'appraisal_category', aliases: ['执业类别', '鉴定业务类别'], standard: '全国人大常委会关于司法鉴定管理问题的决定 第二条', description: '法医类、物证类、声像资料、环境损害及其他。' },
  { id: 'code-legal-aid-case-type', name: '案件类型', kind: 'code', maxLength: 2, codeSet: 'legal_aid_case_type', aliases: ['案件类别'], standard: '法律援助法 第二十二条', description: '刑事、民事、行政、国家赔偿、其他。' },
  { id: 'code-legal-aid-status', name: '案件状态', kind: 'code', maxLength: 2, codeSet: 'legal_aid_status', aliases: ['办理状态'], standard: '法律援助法 第四章', description: '受理、指派、办理中、结案、终止。' },
  { id: 'code-qualification-type', name: '证书类型', kind: 'code', maxLength: 1, codeSet: 'qualification_type', aliases: ['资格证书类型', '证书类别'], standard: '国家统一法律职业资格考试实施办法 第十九条', description: 'A、B、C 类。' },
  { id: 'code-mediator-type', name: '调解员类型', kind: 'code', maxLength: 2, codeSet: 'mediator_type', aliases: ['专兼职'], standard: '人民调解法 第十三条', description: '专职、兼职。' },
  { id: 'code-committee-type', name: '调委会类型', kind: 'code', maxLength: 2, codeSet: 'mediation_committee_type', aliases: ['调解委员会类型'], standard: '人民调解法 第八条、第三十四条', description: '村、居民委员会、企业事业单位、乡镇街道、行业性专业性。' },
  { id: 'code-correction-type', name: '矫正类别', kind: 'code', maxLength: 2, codeSet: 'correction_type', aliases: ['矫正类型'], standard: '社区矫正法 第二条', description: '管制、缓刑、假释、暂予监外执行。' },
  { id: 'code-correction-status', name: '矫正状态', kind: 'code', maxLength: 2, codeSet: 'correction_status', aliases: [], standard: '社区矫正法 第五章、第六章', description: '在矫、解除矫正、收监执行、死亡。' },
  { id: 'code-licence-status', name: '证件状态', kind: 'code', maxLength: 10, codeSet: 'licence_status', aliases: [], standard: '天平代码集 licence_status', description: '有效、暂停执业、吊销、注销、过期。' },
  { id: 'code-permit-category', name: '许可类别', kind: 'code', maxLength: 2, codeSet: 'permit_category', aliases: [], standard: '行政许可法 第十二条', description: '普通、特许、认可、核准、登记、其他。' },
  { id: 'code-penalty-type', name: '处罚类别', kind: 'code', maxLength: 2, codeSet: 'penalty_type', aliases: ['处罚种类'], standard: '行政处罚法 第九条', description: '警告、通报批评、罚款、没收违法所得…行政拘留。' },
  // Other agencies' data (部门共享数据) pulled by connectors. Their small value sets are fixed by the
  // agencies' own registers, not our dictionary, so they are checked as a pattern, not a code set.
  { id: 'marriage-registration-type', name: '婚姻登记类别', kind: 'identifier', maxLength: 2, pattern: '^(结婚|离婚)$', aliases: ['登记类别', '业务类别'], standard: '婚姻登记条例 第二章、第三章', description: '结婚或离婚（民政部门的业务代码由连接器映射为名称）。' },
  { id: 'real-estate-unit-no', name: '不动产单元号', kind: 'identifier', maxLength: 28, pattern: '^\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}$', aliases: ['不动产单元代码', '单元号'], standard: 'GB/T 37346-2019 不动产单元设定与代码编制规则', description: '28 位：县级行政区划 6 位、地籍区 3 位、地籍子区 3 位、宗地（宗海）特征码 2 位、宗地顺序号 5 位、定着物特征码 1 位、定着物单元编号 8 位。' },
  { id: 'real-estate-right-status', name: '权属状态', kind: 'identifier', maxLength: 2, pattern: '^(现势|历史)$', aliases: ['登簿状态'], standard: '不动产登记数据库标准（试行）', description: '现势（当前有效）或历史（已转移、注销）。' },
  { id: 'civil-servant-status', name: '人员状态', kind: 'identifier', maxLength: 2, pattern: '^(在职|退休|辞职|辞退|开除|调出|死亡)$', aliases: ['在职状态', '公务员状态'], standard: '公务员法（辞职与辞退、退休两章）', description: '在职、退休、辞职、辞退、开除、调出、死亡。' },
];
