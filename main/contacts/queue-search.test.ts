import { describe, expect, it } from 'vitest';
import { after, phonePrefix } from './queue-search.js';

describe('after', () => {
  it.each([
    ['PEMPEK', 'PEMPEL'],
    ['P.2.01', 'P.2.02'],
    ['+62811', '+62812'],
    ['A\uffff', 'B'],
    ['', '\uffff'],
  ])('the first string past every string starting with %j is %j', (prefix, expected) => {
    expect(after(prefix)).toBe(expected);
    if (prefix) expect(`${prefix}ZZZ` < after(prefix)).toBe(true);
  });
});

describe('phonePrefix', () => {
  it.each([
    ['0812 34', '+6281234'],
    ['0811-7777', '+628117777'],
    ['62811 7777', '+628117777'],
    ['+62 811', '+62811'],
    ['(0711) 35', '+6271135'],
    ['8117777', '+628117777'],
  ])('reads %j as the start of %j', (typed, expected) => {
    expect(phonePrefix(typed)).toBe(expected);
  });

  it.each(['081', 'PEMPEK', 'P.2.0100', '0812 ext', ''])('does not read %j as a number', (typed) => {
    expect(phonePrefix(typed)).toBeNull();
  });
});
