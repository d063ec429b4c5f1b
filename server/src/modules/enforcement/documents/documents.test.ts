import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { decisionPdf, filingApprovalPdf, hearingNoticePdf, noticePdf, serviceReceiptPdf } from './index.ts';
import { pdfText } from './test-pdf-text.ts';
import { SAMPLE_DECISION, SAMPLE_FILING, SAMPLE_HEARING_NOTICE, SAMPLE_NOTICE, SAMPLE_SERVICE } from './test-fixtures.ts';

/** The text as a reader searches it: line breaks and spaces gone. */
async function read(pdf: Promise<Buffer>): Promise<{ text: string; size: number; bytes: Buffer }> {
  const bytes = await pdf;
  return { text: pdfText(bytes).replace(/\s+/g, ''), size: bytes.length, bytes };
}

async function refusal(pdf: () => Promise<Buffer>): Promise<AppError> {
  try {
    await pdf();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the document was produced');
}

describe('行政处罚决定书 (ADP-13, ADP-18, ADP-20)', () => {
  it('prints the six items of 第五十九条, the payment term and the surcharge standard in Chinese', async () => {
    const { text, size, bytes } = await read(decisionPdf(SAMPLE_DECISION));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (const expected of [
      '杭州市西湖区司法局', '行政处罚决定书', '西司罚决字〔2024〕第12号',
      '当事人：王某某', '公民身份号码：330106198503151236',
      '经查，当事人王某某未取得律师执业证书', '1.对当事人的询问笔录2份',
      '违反了《中华人民共和国律师法》第十三条的规定', '依据《中华人民共和国律师法》第五十五条第一款第（一）项的规定',
      '没收违法所得人民币1,000元（大写：人民币壹仟元整）、罚款人民币5,000元（大写：人民币伍仟元整）',
      '自收到本决定书之日起十五日内', '每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额',
      '六十日内向杭州市西湖区人民政府申请行政复议', '六个月内依法向杭州市西湖区人民法院提起行政诉讼',
      '（印章）', '2024年9月29日',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('\uFFFD');
    expect(size).toBeLessThan(200_000);
  });

  it('states no surcharge and no payment term for a warning', async () => {
    const { text } = await read(decisionPdf({ ...SAMPLE_DECISION, penalty: { kinds: ['警告'], fine: null, confiscation: null }, payment: '' }));
    expect(text).toContain('作出如下行政处罚：警告。');
    expect(text).toContain('本决定自送达之日起执行');
    expect(text).not.toContain('加处罚款');
  });

  it('refuses a decision missing any item, naming each field under ADP-13', async () => {
    const error = await refusal(() =>
      decisionPdf({ ...SAMPLE_DECISION, facts: ' ', evidence: [], penalty: { kinds: ['罚款'], fine: null, confiscation: null }, reviewOrgan: '', date: '' }),
    );
    expect(error.code).toBe('DOC_CONTENT_INCOMPLETE');
    expect(error.message).toBe('文书内容不完整，未生成');
    expect(error.details?.map((d) => d.field)).toEqual(['facts', 'evidence', 'penalty.fine', 'reviewOrgan', 'date']);
    expect(new Set(error.details?.map((d) => d.code))).toEqual(new Set(['CASE_DECISION_CONTENT_INCOMPLETE']));
    expect(error.details?.[0]?.message).toBe('行政处罚决定书缺少违法事实');
  });

  it('refuses an organisation without its legal representative', async () => {
    const party = { ...SAMPLE_DECISION.party, kind: 'organisation' as const, name: '杭州某某法律咨询有限公司', representative: null };
    const error = await refusal(() => decisionPdf({ ...SAMPLE_DECISION, party }));
    expect(error.details?.map((d) => d.field)).toEqual(['party.representative']);
  });
});

describe('告知书 (ADP-08, ADP-09)', () => {
  it('事先告知书 states the proposed penalty, facts, reasons, basis and the rights, with the hearing window', async () => {
    const { text } = await read(noticePdf(SAMPLE_NOTICE));
    for (const expected of [
      '行政处罚事先告知书', '西司罚告字〔2024〕第12号', '王某某：', '经调查，本机关查明：',
      '本机关拟对你作出如下行政处罚：没收违法所得人民币1,000元（大写：人民币壹仟元整）、罚款人民币5,000元（大写：人民币伍仟元整）',
      '享有陈述、申辩的权利', '请于2024年9月9日前向本机关提出', '本机关不因你陈述、申辩而给予更重的处罚',
      '有权要求听证', '收到本告知书之日起五个工作日内（即2024年9月9日前）', '联系人：陈某', '2024年9月2日',
    ]) expect(text).toContain(expected);
  });

  it('leaves the hearing paragraph out when the penalty does not trigger it, and refuses a triggered one without its due date', async () => {
    const { text } = await read(noticePdf({ ...SAMPLE_NOTICE, hearingRight: false, hearingRequestDue: null }));
    expect(text).not.toContain('听证');
    const error = await refusal(() => noticePdf({ ...SAMPLE_NOTICE, hearingRequestDue: null, reasons: '' }));
    expect(error.details?.map((d) => [d.field, d.code])).toEqual([
      ['reasons', 'CASE_NOTICE_CONTENT_INCOMPLETE'],
      ['hearingRequestDue', 'CASE_HEARING_RIGHT_MISSING'],
    ]);
  });

  it('听证告知书 gives the right, the five-working-day window and the hearing guarantees', async () => {
    const { text } = await read(hearingNoticePdf(SAMPLE_HEARING_NOTICE));
    for (const expected of [
      '行政处罚听证告知书', '西司听告字〔2024〕第12号', '关于你未取得律师执业证书以律师名义从事法律服务业务一案',
      '有权要求举行听证', '五个工作日内（即2024年9月9日前）', '举行听证的七日前', '非本案调查人员主持', '有权申请回避',
      '委托一至二人代理', '不承担本机关组织听证的费用', '（印章）',
    ]) expect(text).toContain(expected);
  });
});

describe('立案审批表 and 送达回证', () => {
  it('立案审批表 carries the case, the party, the handlers and the three opinions', async () => {
    const { text } = await read(filingApprovalPdf(SAMPLE_FILING));
    for (const expected of [
      '立案审批表', '西司罚立字〔2024〕第12号', '案由', '王某某涉嫌未取得律师执业证书', '群众举报（2024年7月2日）',
      '陈某（执法证号33010624001）', '承办人意见', '承办机构意见', '审批人：周某2024年7月8日',
    ]) expect(text).toContain(expected);
  });

  it('refuses a 立案审批表 with one handler (ADP-03 wants two)', async () => {
    const error = await refusal(() => filingApprovalPdf({ ...SAMPLE_FILING, handlers: SAMPLE_FILING.handlers.slice(0, 1) }));
    expect(error.details?.map((d) => d.field)).toEqual(['handlers']);
  });

  it('送达回证 is a table of recipient, document, place, method, signature, servers and date', async () => {
    const { text } = await read(serviceReceiptPdf(SAMPLE_SERVICE));
    for (const expected of [
      '送达回证', '受送达人王某某', '行政处罚决定书（西司罚决字〔2024〕第12号）', '送达地点', '送达方式直接送达',
      '收件人签名或盖章', '送达人陈某、刘某', '送达日期2024年9月30日',
    ]) expect(text).toContain(expected);
  });
});
