import { describe, expect, it } from 'vitest';
import { componentValue, SignatureBaseError, signatureBase, type SignableRequest, type SignatureBaseFailure } from './signature-base.ts';
import { parseDictionary, type InnerList } from './structured-fields.ts';

/** The inner list of `label` in a Signature-Input value. */
function coveredOf(signatureInput: string, label = 'sig1'): InnerList {
  const member = parseDictionary(signatureInput).get(label);
  if (member?.type !== 'inner-list') throw new Error(`no inner list ${label}`);
  return member;
}

function failure(fn: () => unknown): SignatureBaseFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof SignatureBaseError) return e.reason;
    throw e;
  }
  throw new Error('expected a SignatureBaseError');
}

// RFC 9421 §2.2: "POST /path?param=value HTTP/1.1", Host: www.example.com, over https.
const DERIVED_EXAMPLE: SignableRequest = { method: 'POST', url: 'https://www.example.com/path?param=value', headers: { host: 'www.example.com' } };

describe('derived components (RFC 9421 §2.2)', () => {
  it.each([
    ['@method', 'POST'],
    ['@target-uri', 'https://www.example.com/path?param=value'],
    ['@authority', 'www.example.com'],
    ['@scheme', 'https'],
    ['@path', '/path'],
    ['@query', '?param=value'],
  ])('%s of the §2.2 example request is %s', (name, value) => {
    expect(componentValue(DERIVED_EXAMPLE, name)).toBe(value);
  });

  it.each([
    // §2.2.7's examples: the query exactly as sent, percent-encoding untouched.
    ['https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman', '?param=value&foo=bar&baz=bat%2Dman'],
    ['https://www.example.com/path?queryString', '?queryString'],
    ['https://www.example.com/path', '?'],
    ['https://www.example.com/path?', '?'],
  ])('@query of %s is %s', (url, query) => {
    expect(componentValue({ ...DERIVED_EXAMPLE, url }, '@query')).toBe(query);
  });

  it('keeps percent-encoded Chinese in @path and @query byte for byte', () => {
    const url = 'https://api.example.gov.cn/api/v1/%E5%BE%8B%E5%B8%88?name=%E5%BC%A0%E4%B8%89&a=%e5%bc%a0';
    expect(componentValue({ ...DERIVED_EXAMPLE, url }, '@path')).toBe('/api/v1/%E5%BE%8B%E5%B8%88');
    expect(componentValue({ ...DERIVED_EXAMPLE, url }, '@query')).toBe('?name=%E5%BC%A0%E4%B8%89&a=%e5%bc%a0');
    expect(componentValue({ ...DERIVED_EXAMPLE, url }, '@target-uri')).toBe(url);
  });

  it.each([
    ['http://Example.COM:80/x', 'example.com'],
    ['https://example.com:443/x', 'example.com'],
    ['http://example.com:443/x', 'example.com:443'],
    ['https://example.com:8443/x', 'example.com:8443'],
    ['http://[::1]:3000/x', '[::1]:3000'],
    ['http://example.com:/x', 'example.com'],
  ])('@authority of %s is %s (lower case, default port dropped)', (url, authority) => {
    expect(componentValue({ ...DERIVED_EXAMPLE, url }, '@authority')).toBe(authority);
  });

  it('@path of an empty path is "/" (§2.2.6)', () => {
    expect(componentValue({ ...DERIVED_EXAMPLE, url: 'https://example.com?x=1' }, '@path')).toBe('/');
  });

  it('does not change the method case (§2.2.1)', () => {
    expect(componentValue({ ...DERIVED_EXAMPLE, method: 'post' }, '@method')).toBe('post');
  });

  it.each(['example.com/path', 'https://user@example.com/x', 'https:///x', 'https://example.com/x#frag'])('refuses %s as a target URI', (url) => {
    expect(failure(() => componentValue({ ...DERIVED_EXAMPLE, url }, '@path'))).toBe('absent');
  });
});

describe('HTTP fields (RFC 9421 §2.1)', () => {
  // §2.1's example message, written the way a header object may carry it.
  const message: SignableRequest = {
    method: 'GET',
    url: 'https://www.example.com/',
    headers: {
      Host: 'www.example.com',
      Date: 'Tue, 20 Apr 2021 02:07:56 GMT',
      'X-OWS-Header': '   Leading and trailing whitespace.   ',
      'X-Obs-Fold-Header': 'Obsolete\r\n    line folding.',
      'Cache-Control': ['max-age=60', '   must-revalidate'],
      'Example-Dict': ' a=1,    b=2;x=1;y=2,   c=(a   b   c)',
      'X-Empty-Header': '',
    },
  };

  it.each([
    ['host', 'www.example.com'],
    ['date', 'Tue, 20 Apr 2021 02:07:56 GMT'],
    ['x-ows-header', 'Leading and trailing whitespace.'],
    ['x-obs-fold-header', 'Obsolete line folding.'],
    ['cache-control', 'max-age=60, must-revalidate'],
    ['example-dict', 'a=1,    b=2;x=1;y=2,   c=(a   b   c)'],
    ['x-empty-header', ''],
  ])('"%s" is "%s"', (name, value) => {
    expect(componentValue(message, name)).toBe(value);
  });

  it('joins field lines given under differently cased keys in the order received', () => {
    expect(componentValue({ ...message, headers: { 'x-a': '1', 'X-A': '2' } }, 'x-a')).toBe('1, 2');
  });

  it('an absent field fails; undefined counts as absent', () => {
    expect(failure(() => componentValue(message, 'tp-purpose'))).toBe('absent');
    expect(failure(() => componentValue({ ...message, headers: { 'tp-purpose': undefined } }, 'tp-purpose'))).toBe('absent');
  });

  it('a non-ASCII value fails: it has to be percent-encoded', () => {
    expect(failure(() => componentValue({ ...message, headers: { 'tp-purpose': '律师执业核查' } }, 'tp-purpose'))).toBe('non-ascii');
    expect(componentValue({ ...message, headers: { 'tp-purpose': encodeURIComponent('律师执业核查') } }, 'tp-purpose')).toBe(
      '%E5%BE%8B%E5%B8%88%E6%89%A7%E4%B8%9A%E6%A0%B8%E6%9F%A5',
    );
  });
});

describe('signatureBase (RFC 9421 §2.5)', () => {
  // §2.5's example: the request of Appendix B.2 and a signature by test-key-rsa-pss.
  const request: SignableRequest = {
    method: 'POST',
    url: 'https://example.com/foo?param=Value&Pet=dog',
    headers: {
      host: 'example.com',
      date: 'Tue, 20 Apr 2021 02:07:55 GMT',
      'content-type': 'application/json',
      'content-digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
      'content-length': '18',
    },
  };

  it('reproduces the §2.5 example byte for byte', () => {
    const input = 'sig1=("@method" "@authority" "@path" "content-digest" "content-length" "content-type");created=1618884473;keyid="test-key-rsa-pss"';
    expect(signatureBase(request, coveredOf(input))).toBe(
      [
        '"@method": POST',
        '"@authority": example.com',
        '"@path": /foo',
        '"content-digest": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
        '"content-length": 18',
        '"content-type": application/json',
        '"@signature-params": ("@method" "@authority" "@path" "content-digest" "content-length" "content-type");created=1618884473;keyid="test-key-rsa-pss"',
      ].join('\n'),
    );
  });

  it('reproduces the B.2.1 minimal base: no components, only the parameters line', () => {
    const input = 'sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"';
    expect(signatureBase(request, coveredOf(input, 'sig-b21'))).toBe(
      '"@signature-params": ();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"',
    );
  });

  it.each<[string, string, SignatureBaseFailure]>([
    ['a repeated component', 'sig1=("@method" "@method")', 'duplicate'],
    ['a component with parameters', 'sig1=("@query-param";name="Pet")', 'unsupported'],
    ['a field with the sf parameter', 'sig1=("content-digest";sf)', 'unsupported'],
    ['@request-target', 'sig1=("@request-target")', 'unsupported'],
    ['@status (responses only)', 'sig1=("@status")', 'unsupported'],
    ['@signature-params as a component', 'sig1=("@signature-params")', 'unsupported'],
    ['an upper-case field name', 'sig1=("Content-Type")', 'unsupported'],
    ['a component that is not a string', 'sig1=(method)', 'unsupported'],
    ['a covered field the request lacks', 'sig1=("tp-purpose")', 'absent'],
  ])('fails on %s', (_why, input, reason) => {
    expect(failure(() => signatureBase(request, coveredOf(input)))).toBe(reason);
  });
});
