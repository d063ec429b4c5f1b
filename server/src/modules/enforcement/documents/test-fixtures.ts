import type { DecisionData, FilingApprovalData, HearingNoticeData, NoticeData, PartyData, ServiceReceiptData } from './document-data.ts';

/**
 * One case through its 文书: a citizen practising as a lawyer without a 律师执业证书 (律师法第十三条,
 * 第五十五条), filed 2024-07-08, notified 2024-09-02, decided 2024-09-29 — the dates of the workflow's
 * own fixture. A ¥5,000 fine is at the 公安 default 较大数额 for a citizen (ADP-10), so the hearing
 * right is given.
 */
const AGENCY = '杭州市西湖区司法局';

export const SAMPLE_PARTY: PartyData = {
  kind: 'citizen',
  name: '王某某',
  idNumber: '330106198503151236',
  address: '浙江省杭州市西湖区文三路88号3幢502室',
  representative: null,
};

const FACTS =
  '当事人王某某未取得律师执业证书，于2024年3月至5月间，以“王律师”名义在杭州市西湖区文三路某写字楼设立办公场所，' +
  '为李某等三人代写民事起诉状、出具法律意见并收取费用共计人民币1,000元。';
const EVIDENCE = ['对当事人的询问笔录2份', '现场检查笔录及现场照片1组', '收款凭证3张', '证人李某、张某的证人证言2份'];
const VIOLATED = '《中华人民共和国律师法》第十三条';
const BASIS = '《中华人民共和国律师法》第五十五条第一款第（一）项';
const PENALTY = { kinds: ['没收违法所得', '罚款'], fine: 5000, confiscation: 1000 };
const CONTACT = { person: '陈某', phone: '0571-87654321', address: '杭州市西湖区文二路212号西湖区司法局305室' };

export const SAMPLE_FILING: FilingApprovalData = {
  agency: AGENCY,
  number: '西司罚立字〔2024〕第12号',
  cause: '王某某涉嫌未取得律师执业证书以律师名义从事法律服务业务案',
  source: '群众举报',
  clueDate: '2024-07-02',
  party: SAMPLE_PARTY,
  summary: `2024年7月2日，本局接到李某举报，称王某某以律师名义为其代写诉状并收取费用。经初步核查，${FACTS}`,
  basis: `${VIOLATED}、${BASIS}`,
  handlers: [{ name: '陈某', certificateNo: '33010624001' }, { name: '刘某', certificateNo: '33010624002' }],
  handlerOpinion: '当事人涉嫌违法，符合立案条件，建议立案调查。',
  unitOpinion: '同意立案，由陈某、刘某承办。',
  approval: { opinion: '同意立案。', approver: '周某', date: '2024-07-08' },
};

export const SAMPLE_NOTICE: NoticeData = {
  agency: AGENCY,
  number: '西司罚告字〔2024〕第12号',
  party: SAMPLE_PARTY,
  facts: FACTS,
  evidence: EVIDENCE,
  reasons: '当事人未取得律师执业证书，以律师名义从事法律服务业务并收取费用',
  violated: VIOLATED,
  basis: BASIS,
  proposed: PENALTY,
  statementDeadline: '2024-09-09',
  hearingRight: true,
  hearingRequestDue: '2024-09-09',
  contact: CONTACT,
  date: '2024-09-02',
};

export const SAMPLE_HEARING_NOTICE: HearingNoticeData = {
  agency: AGENCY,
  number: '西司听告字〔2024〕第12号',
  party: SAMPLE_PARTY,
  cause: '未取得律师执业证书以律师名义从事法律服务业务',
  proposed: PENALTY,
  basis: BASIS,
  hearingRequestDue: '2024-09-09',
  contact: CONTACT,
  date: '2024-09-02',
};

export const SAMPLE_DECISION: DecisionData = {
  agency: AGENCY,
  number: '西司罚决字〔2024〕第12号',
  party: SAMPLE_PARTY,
  facts: FACTS,
  evidence: EVIDENCE,
  procedure:
    '本机关于2024年9月2日向当事人送达了《行政处罚事先告知书》（西司罚告字〔2024〕第12号），告知其拟作出行政处罚的内容及事实、理由、依据和依法享有的陈述、申辩、要求听证的权利。' +
    '当事人在法定期限内提出了陈述、申辩，未要求听证。经复核，当事人提出的理由不能成立，本机关不予采纳。',
  violated: VIOLATED,
  basis: BASIS,
  penalty: PENALTY,
  payment: '通过浙江省统一公共支付平台或者到本机关指定的代收银行缴纳罚款和没收的违法所得',
  reviewOrgan: '杭州市西湖区人民政府',
  court: '杭州市西湖区人民法院',
  date: '2024-09-29',
};

export const SAMPLE_SERVICE: ServiceReceiptData = {
  agency: AGENCY,
  number: '西司送字〔2024〕第12号',
  recipient: '王某某',
  documents: [{ title: '行政处罚决定书', number: '西司罚决字〔2024〕第12号' }],
  place: '浙江省杭州市西湖区文三路88号3幢502室',
  method: 'in-person',
  servers: ['陈某', '刘某'],
  date: '2024-09-30',
  note: '',
};
