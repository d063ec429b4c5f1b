import { describe, expect, it } from 'vitest';
import { decodeCursor, decodePurpose, encodeCursor, endOfShanghaiDay, normalizeIdNumber, purposeWithin, secondsToNextShanghaiDay, shanghaiDay } from './gateway.rules.ts';

describe('decodePurpose: Tp-Purpose is required, percent-encoded UTF-8 (PIPL 第六条)', () => {
  it.each([
    ['律师执业核查 encoded', encodeURIComponent('律师执业核查'), { ok: true, purpose: '律师执业核查' }],
    ['surrounding spaces trimmed', encodeURIComponent('  律师执业核查 '), { ok: true, purpose: '律师执业核查' }],
    ['plain ASCII passes through', 'audit', { ok: true, purpose: 'audit' }],
    ['missing', undefined, { ok: false, code: 'SHARE_PURPOSE_REQUIRED' }],
    ['empty', '', { ok: false, code: 'SHARE_PURPOSE_REQUIRED' }],
    ['only encoded spaces', '%20%E3%80%80', { ok: false, code: 'SHARE_PURPOSE_REQUIRED' }],
    ['broken percent-encoding', '%E5%BE', { ok: false, code: 'SHARE_PURPOSE_INVALID' }],
    ['a line break (forged log lines)', encodeURIComponent('核查\n伪造'), { ok: false, code: 'SHARE_PURPOSE_INVALID' }],
    ['201 characters', encodeURIComponent('查'.repeat(201)), { ok: false, code: 'SHARE_PURPOSE_INVALID' }],
  ] as const)('%s', (_name, header, expected) => {
    expect(decodePurpose(header)).toEqual(expected);
  });
});

describe('purposeWithin: the grant purpose, optionally ：the matter at hand (PIPL 第六条、第十四条)', () => {
  it.each([
    ['律师执业核查', '律师执业核查', true],
    ['律师执业核查：(2025)浙0106民初123号', '律师执业核查', true],
    ['律师执业核查:(2025)浙0106民初123号', '律师执业核查', true],
    ['律师执业核查及其他', '律师执业核查', false],
    ['商业营销', '律师执业核查', false],
    ['律师执业', '律师执业核查', false],
    ['', '律师执业核查', false],
  ] as const)('%s under %s → %s', (declared, granted, expected) => {
    expect(purposeWithin(declared, granted)).toBe(expected);
  });
});

describe('the quota day is the Asia/Shanghai calendar day', () => {
  it.each([
    ['2025-01-01T15:59:59.999Z', '2025-01-01', 1],
    ['2025-01-01T16:00:00.000Z', '2025-01-02', 86_400],
    ['2024-12-31T16:00:00.000Z', '2025-01-01', 86_400],
    ['2025-06-30T23:30:00.000Z', '2025-07-01', 59_400],
  ])('%s is %s, %i s before the next', (iso, day, seconds) => {
    expect(shanghaiDay(new Date(iso))).toBe(day);
    expect(secondsToNextShanghaiDay(new Date(iso))).toBe(seconds);
  });

  it('a day ends at the next Beijing midnight', () => {
    expect(endOfShanghaiDay('2025-01-01').toISOString()).toBe('2025-01-01T16:00:00.000Z');
  });
});

describe('change-feed cursors are opaque but checked', () => {
  it('round-trips', () => {
    const c = { xid: '18446744073709551615', key: '13301201010000001' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each([
    ['not base64url', 'a+b/'],
    ['not JSON', Buffer.from('xid=1').toString('base64url')],
    ['xid not a number', Buffer.from(JSON.stringify({ xid: '1; drop', key: '' })).toString('base64url')],
    ['xid beyond xid8', Buffer.from(JSON.stringify({ xid: '18446744073709551616', key: '' })).toString('base64url')],
    ['key missing', Buffer.from(JSON.stringify({ xid: '1' })).toString('base64url')],
    ['an array', Buffer.from('[]').toString('base64url')],
  ])('%s → null', (_name, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});

describe('a person is named in the call log by the ID number as stored', () => {
  it.each([
    [' 33010619850312123x ', '33010619850312123X'],
    ['330106198503121234', '330106198503121234'],
  ])('%s → %s', (given, stored) => {
    expect(normalizeIdNumber(given)).toBe(stored);
  });
});
