import { describe, expect, it } from 'vitest';
import { parseAllowlist } from './allowlist';

describe('parseAllowlist', () => {
  it('splits addresses typed with commas, spaces, semicolons or new lines', () => {
    expect(parseAllowlist(' 203.0.113.0/24, 198.51.100.7\n10.0.0.1 ;127.0.0.1 ')).toEqual(['203.0.113.0/24', '198.51.100.7', '10.0.0.1', '127.0.0.1']);
  });

  it('gives an empty list for blank text, so the API refuses it as missing', () => {
    expect(parseAllowlist('  ,\n ')).toEqual([]);
  });
});
