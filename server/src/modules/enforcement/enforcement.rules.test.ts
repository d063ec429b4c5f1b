import { describe, expect, it } from 'vitest';
import { certificateStanding, checkSubject, powerStanding, statusTransition, type SubjectInput } from './enforcement.rules.ts';

const cert = { status: '在岗' as const, statusOn: null, issuedOn: '2024-01-01', expiresOn: '2026-12-31' };
const domains = new Map([['01', { enabled: true }]]);

describe('certificateStanding (ADP-03: a valid, unexpired 执法证)', () => {
  it('valid through the expiry day, expired the day after, not valid before issue', () => {
    expect(certificateStanding(cert, '2026-12-31').standing).toBe('valid');
    expect(certificateStanding(cert, '2027-01-01')).toEqual({ standing: 'expired', reason: '执法证已于 2026-12-31 到期' });
    expect(certificateStanding(cert, '2023-12-31').standing).toBe('not-yet-valid');
  });

  it('a suspension or revocation counts from its date', () => {
    const suspended = { ...cert, status: '暂扣' as const, statusOn: '2025-06-01' };
    expect(certificateStanding(suspended, '2025-05-31').standing).toBe('valid');
    expect(certificateStanding(suspended, '2025-06-01').standing).toBe('suspended');
    expect(certificateStanding({ ...cert, status: '注销', statusOn: '2025-01-01' }, '2026-01-01').standing).toBe('revoked');
  });

  it('注销 is final; 暂扣 may be lifted', () => {
    expect(statusTransition('注销', 'reinstate')).toBeNull();
    expect(statusTransition('暂扣', 'reinstate')?.to).toBe('在岗');
    expect(statusTransition('在岗', 'reinstate')).toBeNull();
    expect(statusTransition('暂扣', 'revoke')?.to).toBe('注销');
  });
});

describe('checkSubject (ADP-30 委托)', () => {
  const entrusted: SubjectInput = {
    orgId: 2, kind: '受委托组织', legalBasis: '', domains: ['01'], itemIds: [1],
    entrustment: { entrustingSubjectId: 1, documentNo: '委〔2024〕1号', matters: '检查', from: '2024-01-01', to: '2026-12-31', publishedOn: '2024-01-05' },
  };
  const facts = { selfId: null, entrustsOthers: false, knownItems: new Set([1, 2]), domains };

  it('passes with a 委托书 from a 法定行政机关 within its powers', () => {
    expect(checkSubject(entrusted, { ...facts, entrusting: { id: 1, kind: '法定行政机关', itemIds: new Set([1]) } })).toEqual([]);
  });

  it('ADP-30: an entrusted organisation cannot entrust further', () => {
    const vs = checkSubject(entrusted, { ...facts, entrusting: { id: 1, kind: '受委托组织', itemIds: new Set([1]) } });
    expect(vs.map((v) => v.code)).toEqual(['ENF_SUBDELEGATION']);
  });

  it('ADP-30: matters beyond the entrusting subject, no 委托书, a reversed term', () => {
    expect(checkSubject({ ...entrusted, itemIds: [2] }, { ...facts, entrusting: { id: 1, kind: '法定行政机关', itemIds: new Set([1]) } }).map((v) => v.code)).toEqual(['ENF_ENTRUSTMENT_BEYOND_POWER']);
    expect(checkSubject({ ...entrusted, entrustment: null }, { ...facts, entrusting: null }).map((v) => v.code)).toEqual(['ENF_ENTRUSTMENT_REQUIRED']);
    const reversed = { ...entrusted, entrustment: { ...entrusted.entrustment!, from: '2027-01-01' } };
    expect(checkSubject(reversed, { ...facts, entrusting: { id: 1, kind: '法定行政机关', itemIds: new Set([1]) } }).map((v) => v.code)).toEqual(['ENF_ENTRUSTMENT_TERM']);
  });
});

describe('powerStanding (ADP-31: a body without standing ⇒ void)', () => {
  const p = { kind: '受委托组织' as const, itemIds: new Set([1]), entrustment: { from: '2024-01-01', to: '2026-12-31', publishedOn: '2024-01-05', entrustingItemIds: new Set([1]) } };
  it('allowed within the term of a published 委托书, refused outside it or for another item', () => {
    expect(powerStanding(p, 1, '2025-01-01')).toEqual({ allowed: true });
    expect(powerStanding(p, 1, '2027-01-01')).toMatchObject({ allowed: false, code: 'ENF_ENTRUSTMENT_OUT_OF_TERM' });
    expect(powerStanding(p, 1, '2024-01-03')).toMatchObject({ allowed: false, code: 'ENF_ENTRUSTMENT_UNPUBLISHED' });
    expect(powerStanding(p, 2, '2025-01-01')).toMatchObject({ allowed: false, code: 'ENF_ITEM_NOT_HELD' });
    expect(powerStanding(null, 1, '2025-01-01')).toMatchObject({ allowed: false, code: 'ENF_NOT_A_SUBJECT' });
  });
});
