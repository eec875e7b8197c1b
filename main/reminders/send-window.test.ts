import { describe, expect, it } from 'vitest';
import { isoWeekday, nextSendInstant, type SendWindow } from './send-window.js';

const WIB: SendWindow = { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5, 6], holidays: new Set(['2026-12-25']), timeZone: 'Asia/Jakarta' };
const at = (iso: string) => nextSendInstant(new Date(iso), WIB).toISOString();

describe('the send window', () => {
  it('knows the weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('sends at once inside office hours', () => {
    expect(at('2026-11-23T03:15:00.000Z')).toBe('2026-11-23T03:15:00.000Z');
  });

  it('waits for 08:00 WIB in the morning', () => {
    expect(at('2026-11-23T00:00:00.000Z')).toBe('2026-11-23T01:00:00.000Z');
    // 23:30 WIB on Sunday is still Sunday in Jakarta: Monday 08:00.
    expect(at('2026-11-22T16:30:00.000Z')).toBe('2026-11-23T01:00:00.000Z');
  });

  it('moves an evening to the next working morning', () => {
    expect(at('2026-11-23T10:00:00.000Z')).toBe('2026-11-24T01:00:00.000Z');
  });

  it('skips Sundays and national holidays', () => {
    expect(at('2026-11-28T10:00:00.000Z')).toBe('2026-11-30T01:00:00.000Z');
    expect(at('2026-12-25T02:00:00.000Z')).toBe('2026-12-26T01:00:00.000Z');
    expect(nextSendInstant(new Date('2026-12-24T12:00:00Z'), { ...WIB, holidays: new Set(['2026-12-25', '2026-12-26']) }).toISOString()).toBe('2026-12-28T01:00:00.000Z');
  });

  it('reads office hours in the agency zone (WITA is an hour ahead of WIB)', () => {
    expect(nextSendInstant(new Date('2026-11-23T00:00:00Z'), { ...WIB, timeZone: 'Asia/Makassar' }).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
