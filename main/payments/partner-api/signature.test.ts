import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha512Base64, minifyJson, signatureMatches, snapStringToSign, snapTokenStringToSign, timestampFresh, v1StringToSign } from './signature.js';

describe('partner signatures', () => {
  it('builds the v1 string to sign from the raw body bytes, hex in lower case', () => {
    const body = '{"partner_id":"BSB_MOBILE"}';
    const digest = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(v1StringToSign('post', '/v1/inquiry', body, '2026-11-23T08:00:00+07:00')).toBe(`POST:/v1/inquiry:${digest}:2026-11-23T08:00:00+07:00`);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(v1StringToSign('POST', '/v1/inquiry', `${body} `, 'T')).not.toBe(v1StringToSign('POST', '/v1/inquiry', body, 'T'));
  });

  it('signs the SNAP body minified, so whitespace the bank adds does not change the signature', () => {
    const spaced = JSON.parse('{ "a" : 1 ,\n "b" : [ 1, 2 ] }') as unknown;
    expect(minifyJson(spaced)).toBe('{"a":1,"b":[1,2]}');
    const text = snapStringToSign('POST', '/v1.0/transfer-va/inquiry', 'tok', minifyJson(spaced), '2026-11-23T08:00:00+07:00');
    expect(text).toMatch(/^POST:\/v1\.0\/transfer-va\/inquiry:tok:[0-9a-f]{64}:2026-11-23T08:00:00\+07:00$/);
    expect(snapTokenStringToSign('BSB_MOBILE', '2026-11-23T08:00:00+07:00')).toBe('BSB_MOBILE|2026-11-23T08:00:00+07:00');
  });

  it('matches a signature only when it is exactly the expected one', () => {
    const good = hmacSha512Base64('rahasia', 'POST:/v1/payment:x:t');
    expect(signatureMatches(good, hmacSha512Base64('rahasia', 'POST:/v1/payment:x:t'))).toBe(true);
    expect(signatureMatches(good, hmacSha512Base64('rahasia-lain', 'POST:/v1/payment:x:t'))).toBe(false);
    expect(signatureMatches('', good)).toBe(false);
  });

  it('accepts a timestamp within five minutes either side and refuses an older, newer or offset-less one', () => {
    const now = new Date('2026-11-23T01:00:00Z');
    expect(timestampFresh('2026-11-23T08:04:59+07:00', now)).toBe(true);
    expect(timestampFresh('2026-11-23T00:55:00Z', now)).toBe(true);
    expect(timestampFresh('2026-11-23T00:54:59Z', now)).toBe(false);
    expect(timestampFresh('2026-11-23T01:05:01Z', now)).toBe(false);
    expect(timestampFresh('2026-11-23T01:00:00', now)).toBe(false);
    expect(timestampFresh('yesterday', now)).toBe(false);
  });
});
