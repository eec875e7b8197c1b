import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './report-period.js';

const today = '2026-11-23';

describe('resolvePeriod', () => {
  it('gives the dispatch log a whole month, an explicit range, or this month so far', () => {
    expect(resolvePeriod('dispatch', { period: '2026-10' }, today)).toEqual({ report: 'dispatch', from: '2026-10-01', to: '2026-10-31', fileTag: '2026-10' });
    expect(resolvePeriod('dispatch', { from: '2026-11-02', to: '2026-11-09' }, today)).toMatchObject({ from: '2026-11-02', to: '2026-11-09', fileTag: '2026-11-02_2026-11-09' });
    expect(resolvePeriod('dispatch', {}, today)).toMatchObject({ from: '2026-11-01', to: '2026-11-23' });
  });

  it('takes arrears on a past month at its last day and on the current month today', () => {
    expect(resolvePeriod('arrears', { period: '2026-10' }, today)).toMatchObject({ asOf: '2026-10-31' });
    expect(resolvePeriod('arrears', { period: '2026-11' }, today)).toMatchObject({ asOf: '2026-11-23' });
    expect(resolvePeriod('arrears', {}, today)).toMatchObject({ asOf: today });
    expect(resolvePeriod('arrears', { asOf: '2026-06-30' }, today)).toMatchObject({ asOf: '2026-06-30' });
  });

  it('takes revenue by month or by year', () => {
    expect(resolvePeriod('revenue', { period: '2026' }, today)).toMatchObject({ period: '2026' });
    expect(resolvePeriod('revenue', {}, today)).toMatchObject({ period: '2026-11' });
  });

  it('refuses periods that are not dates, ranges backwards, future arrears and options of another report', () => {
    expect(() => resolvePeriod('revenue', { period: '2026-13' }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    expect(() => resolvePeriod('dispatch', { from: '2026-11-10', to: '2026-11-01' }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    expect(() => resolvePeriod('dispatch', { from: '2026-02-30' }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    expect(() => resolvePeriod('arrears', { asOf: '2026-12-01' }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    expect(() => resolvePeriod('arrears', { period: '2026' }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    expect(() => resolvePeriod('revenue', { asOf: today }, today)).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
  });
});
