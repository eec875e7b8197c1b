import type { In } from '../../../shared/api/index';
import type { ReportName } from '../../../shared/api/reports';

/** What the form holds: every report's fields, of which the chosen report reads its own. */
export interface ReportForm {
  report: ReportName;
  /** Reconciliation: a day or a month; revenue: a month or a year. */
  grain: 'day' | 'month' | 'year';
  day: string;
  month: string;
  year: string;
  from: string;
  to: string;
  asOf: string;
}

/** The grains each report accepts, the first being the one it opens with. */
export const GRAINS: Record<ReportName, readonly ReportForm['grain'][]> = {
  reconciliation: ['day', 'month'],
  revenue: ['month', 'year'],
  arrears: ['day'],
  dispatch: ['day'],
};

/** The form to the request `reports.start` takes; empty fields are left to the backend's defaults. */
export function reportRequest(form: ReportForm): In<'reports.start'> {
  const optional = (value: string) => (value === '' ? undefined : value);
  switch (form.report) {
    case 'reconciliation':
      return { report: 'reconciliation', period: form.grain === 'day' ? form.day : form.month };
    case 'revenue':
      return { report: 'revenue', period: form.grain === 'year' ? form.year : form.month };
    case 'arrears':
      return { report: 'arrears', asOf: optional(form.asOf) };
    case 'dispatch':
      return { report: 'dispatch', from: optional(form.from), to: optional(form.to) };
  }
}
