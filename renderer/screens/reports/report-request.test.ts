import { describe, expect, it } from 'vitest';
import { type ReportForm, reportRequest } from './report-request';

const FORM: ReportForm = { report: 'reconciliation', grain: 'day', day: '2026-11-23', month: '2026-11', year: '2026', from: '', to: '', asOf: '' };

describe('reportRequest', () => {
  it('asks the daily reconciliation for the chosen day and the monthly one for the month', () => {
    expect(reportRequest(FORM)).toEqual({ report: 'reconciliation', period: '2026-11-23' });
    expect(reportRequest({ ...FORM, grain: 'month' })).toEqual({ report: 'reconciliation', period: '2026-11' });
  });

  it('asks revenue for a month or a whole year', () => {
    expect(reportRequest({ ...FORM, report: 'revenue', grain: 'month' })).toEqual({ report: 'revenue', period: '2026-11' });
    expect(reportRequest({ ...FORM, report: 'revenue', grain: 'year' })).toEqual({ report: 'revenue', period: '2026' });
  });

  it('leaves empty dates of arrears and the dispatch log to the backend defaults', () => {
    expect(reportRequest({ ...FORM, report: 'arrears' })).toEqual({ report: 'arrears', asOf: undefined });
    expect(reportRequest({ ...FORM, report: 'dispatch', from: '2026-11-01' })).toEqual({ report: 'dispatch', from: '2026-11-01', to: undefined });
  });
});
