import { JUSTICE_CREDIT_TYPES as T } from './elements.data.ts';
import type { LibraryField, StandardLibrary } from './standards.types.ts';

const f = (key: string, element: string, required: boolean, extra: Omit<LibraryField, 'key' | 'element' | 'required'> = {}): LibraryField => ({ key, element, required, ...extra });

// The person fields every practitioner library shares, under the same keys, so theme libraries
// can merge a person across them by 公民身份号码.
const person = [
  f('name', 'person-name', true),
  f('gender', 'gender', false),
  f('idNumber', 'id-number', true),
];

/**
 * The business standard libraries (业务标准库). Field labels are the headers of each library's
 * import template; `businessKey` is what an upsert matches on. Bump `version` on any change.
 */
export const STANDARD_LIBRARIES: readonly StandardLibrary[] = [
  {
    id: 'lawyer', name: '律师', version: 1, businessKey: ['licenceNo'], crossRules: ['gender-matches-id'],
    basis: '律师法；律师执业管理办法', description: '执业律师名册：身份、执业证、执业机构与执业状态。',
    fields: [
      ...person,
      f('licenceNo', 'practice-licence-no', true),
      f('firmName', 'org-name', true, { label: '执业机构', aliases: ['律师事务所', '执业律所', '所在律所'] }),
      f('firmCreditCode', 'credit-code', false, { label: '执业机构统一社会信用代码', creditCodeTypes: T.lawFirm, aliases: ['律所统一社会信用代码'] }),
      f('practiceType', 'code-lawyer-practice-type', true),
      f('firstPracticeDate', 'date', false, { label: '首次执业日期', aliases: ['首次执业时间', '执业日期'] }),
      f('practiceStatus', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'law-firm', name: '律师事务所', version: 1, businessKey: ['creditCode'], crossRules: [],
    basis: '律师法 第四章；律师事务所管理办法', description: '律师事务所名册。',
    fields: [
      f('name', 'org-name', true, { label: '名称', aliases: ['律所名称', '律师事务所名称'] }),
      f('creditCode', 'credit-code', true, { creditCodeTypes: T.lawFirm }),
      f('licenceNo', 'practice-licence-no', false, { label: '执业许可证号', aliases: ['许可证号'] }),
      f('organizationForm', 'code-law-firm-form', true),
      f('director', 'person-name', true, { label: '负责人', aliases: ['主任'] }),
      f('regionCode', 'region-code', true),
      f('address', 'address', false),
      f('establishedDate', 'date', false, { label: '成立日期', aliases: ['设立日期'] }),
      f('status', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'notary', name: '公证员', version: 1, businessKey: ['licenceNo'], crossRules: ['gender-matches-id'],
    basis: '公证法 第三章；公证员执业管理办法', description: '公证员名册。',
    fields: [
      ...person,
      f('licenceNo', 'practice-licence-no', true),
      f('officeName', 'org-name', true, { label: '执业机构', aliases: ['公证处', '所在公证处'] }),
      f('officeCreditCode', 'credit-code', false, { label: '执业机构统一社会信用代码', creditCodeTypes: T.notaryOffice }),
      f('firstPracticeDate', 'date', false, { label: '首次执业日期', aliases: ['任职日期'] }),
      f('practiceStatus', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'notary-office', name: '公证机构', version: 1, businessKey: ['creditCode'], crossRules: [],
    basis: '公证法 第二章；公证机构执业管理办法', description: '公证处名册。',
    fields: [
      f('name', 'org-name', true, { label: '名称', aliases: ['公证处名称', '公证机构名称'] }),
      f('creditCode', 'credit-code', true, { creditCodeTypes: T.notaryOffice }),
      f('licenceNo', 'practice-licence-no', false, { label: '执业证号', aliases: ['执业证书号'] }),
      f('director', 'person-name', true, { label: '负责人', aliases: ['主任'] }),
      f('regionCode', 'region-code', true),
      f('address', 'address', false),
      f('establishedDate', 'date', false, { label: '成立日期' }),
      f('status', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'appraiser', name: '司法鉴定人', version: 1, businessKey: ['licenceNo'], crossRules: ['gender-matches-id'],
    basis: '全国人大常委会关于司法鉴定管理问题的决定；司法鉴定人登记管理办法', description: '司法鉴定人名册。',
    fields: [
      ...person,
      f('licenceNo', 'practice-licence-no', true),
      f('institutionName', 'org-name', true, { label: '执业机构', aliases: ['鉴定机构', '所在鉴定机构'] }),
      f('institutionCreditCode', 'credit-code', false, { label: '执业机构统一社会信用代码', creditCodeTypes: T.appraisalInstitution }),
      f('category', 'code-appraisal-category', true),
      f('practiceStatus', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'appraisal-institution', name: '司法鉴定机构', version: 1, businessKey: ['creditCode'], crossRules: [],
    basis: '司法鉴定机构登记管理办法', description: '司法鉴定机构名册。',
    fields: [
      f('name', 'org-name', true, { label: '名称', aliases: ['鉴定机构名称', '机构名称'] }),
      f('creditCode', 'credit-code', true, { creditCodeTypes: T.appraisalInstitution }),
      f('licenceNo', 'practice-licence-no', false, { label: '许可证号', aliases: ['司法鉴定许可证号'] }),
      f('director', 'person-name', true, { label: '负责人', aliases: ['法定代表人'] }),
      f('scope', 'text', false, { label: '业务范围', aliases: ['鉴定业务范围'] }),
      f('regionCode', 'region-code', true),
      f('address', 'address', false),
      f('status', 'practice-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'legal-aid-case', name: '法律援助案件', version: 1, businessKey: ['caseNo'], crossRules: ['gender-matches-id'],
    basis: '法律援助法', description: '法律援助案件：受援人、案件类型、承办人与办理状态。',
    fields: [
      f('caseNo', 'case-no', true, { label: '案件编号' }),
      f('name', 'person-name', true, { label: '受援人姓名', aliases: ['受援人', '申请人姓名'] }),
      f('gender', 'gender', false, { label: '受援人性别' }),
      f('idNumber', 'id-number', true, { label: '受援人公民身份号码', aliases: ['受援人身份证号'] }),
      f('caseType', 'code-legal-aid-case-type', true),
      f('matter', 'text', false, { label: '案由' }),
      f('acceptedDate', 'date', true, { label: '受理日期', aliases: ['受理时间'] }),
      f('centerName', 'org-name', true, { label: '法律援助机构', aliases: ['受理机构'] }),
      f('lawyerName', 'person-name', false, { label: '承办律师', aliases: ['承办人'] }),
      f('lawyerLicenceNo', 'practice-licence-no', false, { label: '承办律师执业证号' }),
      f('status', 'code-legal-aid-status', true),
      f('closedDate', 'date', false, { label: '结案日期' }),
    ],
  },
  {
    id: 'legal-qualification', name: '法律职业资格人员', version: 1, businessKey: ['certificateNo'], crossRules: ['gender-matches-id'],
    basis: '国家统一法律职业资格考试实施办法', description: '取得法律职业资格证书的人员。',
    fields: [
      ...person,
      f('certificateNo', 'case-no', true, { label: '法律职业资格证书编号', aliases: ['证书编号', '资格证书编号'] }),
      f('certificateType', 'code-qualification-type', true),
      f('grantedDate', 'date', true, { label: '授予日期', aliases: ['发证日期', '颁证日期'] }),
      f('education', 'education', false),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'mediator', name: '人民调解员', version: 1, businessKey: ['idNumber', 'committeeName'], crossRules: ['gender-matches-id'],
    basis: '人民调解法 第三章', description: '人民调解员名册（同一人可在多个调委会任职，按人和调委会识别）。',
    fields: [
      ...person,
      f('committeeName', 'org-name', true, { label: '所在调解委员会', aliases: ['人民调解委员会', '调委会'] }),
      f('mediatorType', 'code-mediator-type', true),
      f('politicalStatus', 'political-status', false),
      f('education', 'education', false),
      f('appointedDate', 'date', false, { label: '聘任日期', aliases: ['任职日期'] }),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'mediation-committee', name: '人民调解委员会', version: 1, businessKey: ['regionCode', 'name'], crossRules: [],
    basis: '人民调解法 第二章', description: '人民调解委员会名册（按所在行政区划与名称识别）。',
    fields: [
      f('name', 'org-name', true, { label: '名称', aliases: ['调委会名称', '调解委员会名称'] }),
      f('committeeType', 'code-committee-type', true),
      f('regionCode', 'region-code', true),
      f('director', 'person-name', false, { label: '主任' }),
      f('memberCount', 'count', false, { label: '调解员人数', aliases: ['人数'] }),
      f('establishedDate', 'date', false, { label: '成立日期' }),
      f('address', 'address', false),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'corrections-subject', name: '社区矫正对象', version: 1, businessKey: ['subjectNo'], crossRules: ['gender-matches-id', 'birth-date-matches-id'],
    basis: '社区矫正法；社区矫正法实施办法', description: '社区矫正对象：矫正类别、期限、执行地与状态。',
    fields: [
      f('subjectNo', 'case-no', true, { label: '矫正对象编号', aliases: ['社区矫正对象编号', '人员编号'] }),
      ...person,
      f('birthDate', 'birth-date', false),
      f('correctionType', 'code-correction-type', true),
      f('crime', 'text', false, { label: '罪名' }),
      f('startDate', 'date', true, { label: '矫正起始日期', aliases: ['矫正开始日期', '起始日期'] }),
      f('endDate', 'date', true, { label: '矫正结束日期', aliases: ['矫正终止日期', '结束日期'] }),
      f('executingOrg', 'org-name', true, { label: '执行地司法所', aliases: ['负责司法所', '司法所'] }),
      f('status', 'code-correction-status', true),
      f('phone', 'phone', false),
    ],
  },
  {
    id: 'enforcement-officer', name: '执法人员', version: 1, businessKey: ['certificateNo'], crossRules: ['gender-matches-id'],
    basis: '行政处罚法 第四十二条；行政执法证件管理办法', description: '持有行政执法证件的人员。',
    fields: [
      ...person,
      f('certificateNo', 'case-no', true, { label: '执法证号', aliases: ['执法证件号', '行政执法证号'] }),
      f('agency', 'org-name', true, { label: '所在执法主体', aliases: ['执法主体', '执法单位', '工作单位'] }),
      f('agencyCreditCode', 'credit-code', false, { label: '执法主体统一社会信用代码', creditCodeTypes: ['11', '12'] }),
      f('domain', 'text', false, { label: '执法领域', aliases: ['执法类别'] }),
      f('issuedDate', 'date', false, { label: '发证日期' }),
      f('validUntil', 'date', false, { label: '有效期至' }),
      f('status', 'code-licence-status', true),
    ],
  },
  {
    id: 'administrative-permit', name: '行政许可', version: 1, businessKey: ['decisionNo'], crossRules: [],
    basis: '行政许可法；“双公示”数据标准', description: '行政许可决定（双公示）。',
    fields: [
      f('decisionNo', 'document-no', true, { label: '行政许可决定文书号', aliases: ['许可决定书文号', '许可文书号'] }),
      f('permitName', 'text', true, { label: '许可事项名称', aliases: ['许可事项'] }),
      f('category', 'code-permit-category', true),
      f('counterpartName', 'org-name', true, { label: '行政相对人名称', aliases: ['相对人名称', '被许可人'] }),
      f('counterpartCreditCode', 'credit-code', false, { label: '行政相对人统一社会信用代码' }),
      f('content', 'long-text', false, { label: '许可内容' }),
      f('decisionDate', 'date', true, { label: '许可决定日期', aliases: ['决定日期'] }),
      f('validFrom', 'date', false, { label: '有效期自' }),
      f('validTo', 'date', false, { label: '有效期至' }),
      f('authority', 'org-name', true, { label: '许可机关' }),
      f('authorityCreditCode', 'credit-code', false, { label: '许可机关统一社会信用代码' }),
    ],
  },
  {
    id: 'administrative-penalty', name: '行政处罚', version: 1, businessKey: ['decisionNo'], crossRules: [],
    basis: '行政处罚法；“双公示”数据标准', description: '行政处罚决定（双公示）。',
    fields: [
      f('decisionNo', 'document-no', true, { label: '行政处罚决定书文号', aliases: ['处罚决定书文号', '决定书文号'] }),
      f('counterpartName', 'org-name', true, { label: '行政相对人名称', aliases: ['当事人', '相对人名称'] }),
      f('counterpartCreditCode', 'credit-code', false, { label: '行政相对人统一社会信用代码' }),
      f('violation', 'text', true, { label: '违法行为类型' }),
      f('facts', 'long-text', false, { label: '违法事实' }),
      f('basis', 'text', true, { label: '处罚依据' }),
      f('penaltyType', 'code-penalty-type', true),
      f('fineAmount', 'amount', false, { label: '罚款金额（万元）', aliases: ['罚款金额'] }),
      f('decisionDate', 'date', true, { label: '处罚决定日期', aliases: ['决定日期'] }),
      f('authority', 'org-name', true, { label: '处罚机关' }),
      f('authorityCreditCode', 'credit-code', false, { label: '处罚机关统一社会信用代码' }),
    ],
  },
];

/**
 * Libraries of other agencies' data (部门共享数据), pulled by connectors from 公安 (人口库的死亡注销),
 * 民政 (婚姻登记), 自然资源 (不动产登记) and 组织人事 (公务员登记). They are checked and stored like our
 * own, but kept apart from the business libraries above: we do not own them, they are not offered
 * for sharing onward, and the demo does not generate them (the agency simulator serves them).
 * Each is keyed by the person's 公民身份号码 under the field key `idNumber`, so the 一人多证/一人多职
 * analysis can join a person across all libraries with the one ID-number index.
 */
export const AGENCY_LIBRARIES: readonly StandardLibrary[] = [
  {
    id: 'death-record', name: '死亡人员信息', version: 1, businessKey: ['idNumber'], crossRules: ['gender-matches-id'],
    basis: '户口登记条例 第八条；公安机关人口信息共享', description: '公安机关人口库中因死亡注销户口的人员：执业人员、调解员、矫正对象在世状态的核查依据。',
    fields: [
      f('idNumber', 'id-number', true),
      f('name', 'person-name', true),
      f('gender', 'gender', false),
      f('deathDate', 'date', true, { label: '死亡日期' }),
      f('cancelledDate', 'date', false, { label: '户口注销日期', aliases: ['注销日期'] }),
      f('registeredRegion', 'region-code', false, { label: '户籍地行政区划代码', aliases: ['户籍地区划'] }),
      f('authority', 'org-name', false, { label: '注销登记机关', aliases: ['注销单位', '派出所'] }),
    ],
  },
  {
    id: 'marriage-record', name: '婚姻登记信息', version: 1, businessKey: ['registrationNo', 'idNumber'], crossRules: [],
    basis: '婚姻登记条例', description: '民政部门的结婚、离婚登记，每次登记按当事人各一条：回避审查与法律援助经济状况核查的依据。',
    fields: [
      f('registrationNo', 'case-no', true, { label: '婚姻登记证字号', aliases: ['结婚证字号', '离婚证字号', '登记证字号'] }),
      f('idNumber', 'id-number', true, { label: '当事人公民身份号码' }),
      f('name', 'person-name', true, { label: '当事人姓名' }),
      f('spouseIdNumber', 'id-number', false, { label: '配偶公民身份号码' }),
      f('spouseName', 'person-name', true, { label: '配偶姓名' }),
      f('registrationType', 'marriage-registration-type', true),
      f('registrationDate', 'date', true, { label: '登记日期' }),
      f('authority', 'org-name', true, { label: '婚姻登记机关', aliases: ['登记机关'] }),
      f('regionCode', 'region-code', false, { label: '登记机关行政区划代码' }),
    ],
  },
  {
    id: 'real-estate', name: '不动产登记信息', version: 1, businessKey: ['certificateNo', 'idNumber'], crossRules: [],
    basis: '不动产登记暂行条例；法律援助法 第四十一条（经济困难状况核查）', description: '自然资源部门登记的自然人名下不动产，共有的按权利人各一条。',
    fields: [
      f('certificateNo', 'document-no', true, { label: '不动产权证书号', aliases: ['不动产权证号', '产权证号'] }),
      f('unitNo', 'real-estate-unit-no', false),
      f('idNumber', 'id-number', true, { label: '权利人公民身份号码', aliases: ['权利人证件号码'] }),
      f('name', 'person-name', true, { label: '权利人姓名', aliases: ['权利人'] }),
      f('shareType', 'text', false, { label: '共有情况', aliases: ['共有方式'] }),
      f('location', 'address', true, { label: '坐落', aliases: ['房屋坐落'] }),
      f('use', 'text', false, { label: '用途', aliases: ['规划用途'] }),
      f('area', 'amount', false, { label: '建筑面积（平方米）', aliases: ['建筑面积'] }),
      f('registrationDate', 'date', true, { label: '登簿日期', aliases: ['登记日期', '登记时间'] }),
      f('rightStatus', 'real-estate-right-status', true),
    ],
  },
  {
    id: 'civil-servant', name: '公务员登记信息', version: 1, businessKey: ['idNumber'], crossRules: ['gender-matches-id'],
    basis: '公务员法；律师法 第十一条（公务员不得兼任执业律师）', description: '组织人事部门登记的公务员及参照管理人员：一人多职（公务员兼任执业律师等）核查的依据。',
    fields: [
      f('idNumber', 'id-number', true),
      f('name', 'person-name', true),
      f('gender', 'gender', false),
      f('employer', 'org-name', true, { label: '工作单位', aliases: ['任职机关', '所在单位'] }),
      f('employerCreditCode', 'credit-code', false, { label: '工作单位统一社会信用代码', creditCodeTypes: ['11', '12'] }),
      f('post', 'text', true, { label: '职务' }),
      f('rank', 'text', false, { label: '职级' }),
      f('status', 'civil-servant-status', true),
      f('registeredDate', 'date', false, { label: '公务员登记日期', aliases: ['登记日期'] }),
    ],
  },
];
