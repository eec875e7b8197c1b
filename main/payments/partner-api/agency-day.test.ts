import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../platform/clock.js';
import { agencyDay } from './agency-day.js';

describe('the agency day of an instant', () => {
  it('is the calendar day in the agency zone, the same as the platform clock gives', () => {
    const lateUtc = new Date('2026-11-30T17:30:00Z');
    expect(agencyDay(lateUtc, 'Asia/Jakarta')).toBe('2026-12-01');
    expect(agencyDay(new Date('2026-11-30T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-30');
    expect(agencyDay(new Date('2026-11-30T15:30:00Z'), 'Asia/Jayapura')).toBe('2026-12-01');
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) expect(agencyDay(lateUtc, zone)).toBe(calendarDate(lateUtc, zone));
  });
});
