import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './partner-api-server.js';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as http.IncomingMessage;

describe('the partner caller address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('198.51.100.9', '203.0.113.7'), [])).toBe('198.51.100.9');
  });

  it('is the last X-Forwarded-For entry when the socket is a trusted proxy', () => {
    expect(clientAddress(request('10.0.0.5', '1.2.3.4, 203.0.113.7'), ['10.0.0.5/32'])).toBe('203.0.113.7');
    expect(clientAddress(request('::ffff:10.0.0.5', '203.0.113.7'), ['10.0.0.0/24'])).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from a caller that is not a trusted proxy, and falls back to the socket when the header is empty', () => {
    expect(clientAddress(request('198.51.100.9', '203.0.113.7'), ['10.0.0.5/32'])).toBe('198.51.100.9');
    expect(clientAddress(request('10.0.0.5', ''), ['10.0.0.5/32'])).toBe('10.0.0.5');
  });
});
