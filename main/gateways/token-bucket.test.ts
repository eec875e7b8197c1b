import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets the burst through at once, then one token per 1/rate seconds', () => {
    let t = 0;
    const bucket = new TokenBucket(80, 8, () => t);
    for (let i = 0; i < 8; i++) expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBeGreaterThan(0);
    t += 12.5;
    expect(bucket.tryTake()).toBe(0);
  });

  it('never saves more than the burst', () => {
    let t = 0;
    const bucket = new TokenBucket(10, 2, () => t);
    t += 60_000;
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(100);
  });

  it('sends 200 messages at 100/s in about 2 s of clock time', () => {
    let t = 0;
    const bucket = new TokenBucket(100, 1, () => t);
    let sent = 0;
    while (sent < 200) {
      const wait = bucket.tryTake();
      if (wait === 0) sent += 1;
      else t += wait;
    }
    expect(t).toBeGreaterThanOrEqual(1980);
    expect(t).toBeLessThanOrEqual(2010);
  });

  it('is unlimited at rate 0', () => {
    const bucket = new TokenBucket(0);
    for (let i = 0; i < 10_000; i++) expect(bucket.tryTake()).toBe(0);
  });
});
